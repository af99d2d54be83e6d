#include "process_memory.h"

#include <malloc.h>

void tb_limit_malloc_arenas(int arenas) {
    mallopt(M_ARENA_MAX, arenas);
}
