/* Made by scripts/icu-data: ICU's data, trimmed, under the name ICU reads it by. */
    .section .rodata
    .globl icudt76_dat
    .type icudt76_dat, @object
    .balign 16
icudt76_dat:
    .incbin "icu-data.bin"
    .size icudt76_dat, . - icudt76_dat
    .section .note.GNU-stack,"",@progbits
