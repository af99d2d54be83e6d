#ifndef TAVUS_BROWSE_TERMINAL_SIGNALS_H
#define TAVUS_BROWSE_TERMINAL_SIGNALS_H

/* Signal handling for the full-screen browser. The handlers, the saved terminal modes and the
 * previous SIGWINCH action live here, in storage this file owns, so that nothing else in the
 * program can overwrite them and every handler uses only async-signal-safe calls. */

/* Saves the modes of the terminal on `fd`, which a crash restores. Returns 0 on success. */
int tb_terminal_save_modes(int fd);

/* Whether the screen is taken over: the crash handler restores the terminal only then. */
void tb_terminal_set_active(int active);

/* Routes SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT and SIGWINCH to `pipe_fd` (one byte:
 * the signal's number; SIGWINCH also reaches the handler that was installed before, ncurses'), and
 * installs the crash handler for SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT and SIGFPE, which
 * restores the terminal and then dies of the same signal. */
void tb_signals_install(int pipe_fd);

/* What the crash handler does before dying: tty modes back, mouse reporting off, cursor shown,
 * main screen. Async-signal-safe; does nothing unless the screen is taken over. */
void tb_terminal_emergency_restore(void);

/* Stops the process as Ctrl-Z does (SIGTSTP with its default action, so a shell reports the job
 * as stopped) and returns once it is continued. The screen's thread calls it after giving the
 * terminal back, so that no signal handler ever touches the screen. */
void tb_stop_self(void);

/* Makes Ctrl-C a key on the terminal `fd` (its interrupt character is switched off), so the
 * browser decides what it means; Ctrl-Z still suspends. Returns 0 on success. */
int tb_terminal_make_interrupt_a_key(int fd);

#endif
