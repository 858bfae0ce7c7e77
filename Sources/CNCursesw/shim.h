#ifndef ECSFLEET_CNCURSESW_SHIM_H
#define ECSFLEET_CNCURSESW_SHIM_H
/* SwiftPM drops pkg-config's cflags, so the wide-character API must be switched on here, before the include. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>

/* Macros and globals Swift cannot import or may not touch under strict concurrency. */
static inline WINDOW *ecsfleet_stdscr(void) { return stdscr; }
static inline FILE *ecsfleet_stdout(void) { return stdout; }
static inline FILE *ecsfleet_stdin(void) { return stdin; }
static inline int ecsfleet_colors(void) { return COLORS; }
static inline int ecsfleet_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t ecsfleet_a_bold(void) { return A_BOLD; }
static inline attr_t ecsfleet_a_reverse(void) { return A_REVERSE; }
static inline attr_t ecsfleet_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ecsfleet_a_dim(void) { return A_DIM; }
static inline attr_t ecsfleet_a_normal(void) { return A_NORMAL; }
static inline mmask_t ecsfleet_mouse_all(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t ecsfleet_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t ecsfleet_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t ecsfleet_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t ecsfleet_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int ecsfleet_key_f(int n) { return KEY_F(n); }
/* The codeset of the current LC_CTYPE locale ("UTF-8", "ANSI_X3.4-1968"). */
static inline const char *ecsfleet_codeset(void) { return nl_langinfo(CODESET); }
#endif
