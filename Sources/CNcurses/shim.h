#ifndef OPSDECK_CNCURSES_SHIM_H
#define OPSDECK_CNCURSES_SHIM_H

/* Wide-character ncurses: without these, cchar_t, setcchar and add_wch are not declared. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/* Swift cannot import macro expressions or the mutable globals below; these wrappers can be. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline int cn_key_resize(void) { return KEY_RESIZE; }

/* The number of colours the terminal named by TERM supports, read from terminfo without
   taking over the screen (setupterm, not initscr). Returns -1 when TERM is unknown. */
static inline int cn_terminfo_colors(const char *term) {
    int err = 0;
    if (setupterm(term, 1, &err) != OK) return -1;
    int colors = tigetnum("colors");
    del_curterm(cur_term);
    return colors;
}

/* The backend's additions: attributes with a colour pair, function-key codes, the locale's
   codeset and the window size of a descriptor. */
#include <langinfo.h>
#include <string.h>
#include <sys/ioctl.h>

static inline WINDOW *cn_curscr(void) { return curscr; }
/* wattr_set may be a macro; the pair travels as a short, as COLOR_PAIRS above 32767 is not used. */
static inline int cn_wattr_set(WINDOW *w, attr_t attrs, int pair) {
    return wattr_set(w, attrs, (short)pair, NULL);
}
static inline int cn_key_f0(void) { return KEY_F0; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_escdelay(void) { return ESCDELAY; }

/* 1 when the current locale's character set is UTF-8 (after setlocale). */
static inline int cn_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0;
}

/* The rows and columns of the terminal behind fd; 0 on success, -1 when fd is not a terminal. */
static inline int cn_window_size(int fd, int *row_count, int *column_count) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *row_count = size.ws_row;
    *column_count = size.ws_col;
    return 0;
}

#endif
