#define _GNU_SOURCE
#include "terminal_signals.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_modes;
static volatile sig_atomic_t have_saved_modes = 0;
static volatile sig_atomic_t screen_active = 0;
static volatile sig_atomic_t saved_fd = 0;
static volatile sig_atomic_t signal_pipe = -1;
static struct sigaction previous_resize_action;
/* The crash handler runs here, so a stack overflow can still restore the terminal. */
static char crash_stack[64 * 1024];

static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };

int tb_terminal_save_modes(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_fd = fd;
    have_saved_modes = 1;
    return 0;
}

void tb_stop_self(void) {
    struct sigaction default_action, ours;
    memset(&default_action, 0, sizeof default_action);
    sigemptyset(&default_action.sa_mask);
    default_action.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &default_action, &ours);
    sigset_t tstp;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &tstp, NULL);
    /* To this thread, so the stop happens before the handler is put back; sent to the process,
     * it could reach another thread only after that. */
    raise(SIGTSTP);
    sigaction(SIGTSTP, &ours, NULL);
}

int tb_terminal_make_interrupt_a_key(int fd) {
    struct termios modes;
    if (tcgetattr(fd, &modes) != 0) return -1;
    modes.c_cc[VINTR] = _POSIX_VDISABLE;
    return tcsetattr(fd, TCSANOW, &modes);
}

void tb_terminal_set_active(int active) {
    screen_active = active ? 1 : 0;
}

static void write_signal_number(int number) {
    int fd = signal_pipe;
    if (fd < 0) return;
    unsigned char byte = (unsigned char)number;
    ssize_t ignored = write(fd, &byte, 1);
    (void)ignored;
}

static void on_ending_signal(int number) {
    int saved_errno = errno;
    write_signal_number(number);
    errno = saved_errno;
}

static void on_resize(int number) {
    int saved_errno = errno;
    if (previous_resize_action.sa_flags & SA_SIGINFO) {
        if (previous_resize_action.sa_sigaction) previous_resize_action.sa_sigaction(number, NULL, NULL);
    } else if (previous_resize_action.sa_handler != SIG_DFL && previous_resize_action.sa_handler != SIG_IGN
               && previous_resize_action.sa_handler != NULL) {
        previous_resize_action.sa_handler(number);
    }
    write_signal_number(number);
    errno = saved_errno;
}

void tb_terminal_emergency_restore(void) {
    if (!screen_active) return;
    if (have_saved_modes) tcsetattr(saved_fd, TCSANOW, &saved_modes);
    static const char reset[] =
        "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1015l" /* mouse reporting off */
        "\033[0m\033[?25h"                                           /* plain text, cursor shown */
        "\033[?1l\033>"                                              /* normal cursor keys and keypad */
        "\033[?1049l\r\n";                                           /* the main screen */
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
    screen_active = 0;
}

static void on_crash(int number) {
    tb_terminal_emergency_restore();
    /* SA_RESETHAND put the default action back: raising again ends the process as intended. */
    raise(number);
}

void tb_signals_install(int pipe_fd) {
    signal_pipe = pipe_fd;

    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_ending_signal;
    for (size_t i = 0; i < sizeof ending_signals / sizeof ending_signals[0]; i++) {
        sigaction(ending_signals[i], &action, NULL);
    }

    struct sigaction resize;
    memset(&resize, 0, sizeof resize);
    sigemptyset(&resize.sa_mask);
    resize.sa_handler = on_resize;
    resize.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &resize, &previous_resize_action);

    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = crash_stack;
    stack.ss_size = sizeof crash_stack;
    sigaltstack(&stack, NULL);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    sigemptyset(&crash.sa_mask);
    crash.sa_handler = on_crash;
    crash.sa_flags = SA_RESETHAND | SA_ONSTACK;
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) {
        sigaction(crash_signals[i], &crash, NULL);
    }

    /* The screen's thread may be one the runtime started with every signal blocked (the
     * main actor's): the signals the screen answers are let through to it. */
    sigset_t answered;
    sigemptyset(&answered);
    for (size_t i = 0; i < sizeof ending_signals / sizeof ending_signals[0]; i++) sigaddset(&answered, ending_signals[i]);
    sigaddset(&answered, SIGWINCH);
    pthread_sigmask(SIG_UNBLOCK, &answered, NULL);
}
