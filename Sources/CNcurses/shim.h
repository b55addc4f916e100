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

#endif
