#ifndef TAVUS_BROWSE_PROCESS_MEMORY_H
#define TAVUS_BROWSE_PROCESS_MEMORY_H

/* Lets malloc keep at most `arenas` arenas (glibc's M_ARENA_MAX); call before threads start. */
void tb_limit_malloc_arenas(int arenas);

#endif
