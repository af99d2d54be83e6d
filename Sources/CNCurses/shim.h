#ifndef TAVUS_BROWSE_CNCURSES_SHIM_H
#define TAVUS_BROWSE_CNCURSES_SHIM_H

/* SwiftPM drops the -D flags pkg-config gives, so the wide-character API is switched on here. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Swift 6 rejects ncurses' global variables and macros; these accessors stand in for them. */
static inline int cnc_key_resize(void) { return KEY_RESIZE; }
static inline int cnc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cnc_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline int cnc_err(void) { return ERR; }
static inline int cnc_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t cnc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cnc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cnc_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cnc_wheel_up(void) { return BUTTON4_PRESSED; }
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t cnc_wheel_down(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t cnc_wheel_down(void) { return 0; }
#endif
/* Sets a window's attributes and colour pair in one call; wattr_set is a macro in some builds. */
static inline int cnc_set_attr(WINDOW *win, attr_t attrs, short pair) { return wattr_set(win, attrs, pair, NULL); }
static inline int cnc_ok(void) { return OK; }

/* Whether terminfo knows `term` and it can place the cursor: 1 yes, 0 no cursor addressing,
 * -1 no terminfo entry. Asked before the screen is touched; what it loads is freed again. */
static inline int cnc_terminal_can_address_cursor(const char *term) {
    int status = 0;
    if (setupterm(term, -1, &status) != OK) return -1;
    char *cup = tigetstr("cup");
    int result = (cup != NULL && cup != (char *)-1) ? 1 : 0;
    del_curterm(set_curterm(NULL));
    return result;
}

#endif
