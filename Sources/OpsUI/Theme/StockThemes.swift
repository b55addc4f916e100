// The four stock themes, embedded so an installed opsdeck needs no Themes folder. Each text is
// byte for byte the file of the same name in Themes/ (ThemeStockTests fails when they differ):
// edit the file, then paste it here.
enum StockThemes {
    /// The stock theme names, in the order the help lists them.
    static let names = ["default", "light", "high-contrast", "mono"]

    /// The YAML of the stock theme `name`, or nil when there is none by that name.
    static func yaml(named name: String) -> String? {
        switch name {
        case "default": defaultTheme
        case "light": lightTheme
        case "high-contrast": highContrastTheme
        case "mono": monoTheme
        default: nil
        }
    }

    static let defaultTheme = #"""
# opsdeck theme "default": light text on a dark terminal. The stock theme, built into opsdeck.
#
# A theme has a name, a palette of named colours and a style per role. A colour is "#rrggbb",
# a 256-colour index 0-255, an ANSI name (black red green yellow blue magenta cyan white, or
# bright-black ... bright-white), default (the terminal's own colour) or a palette name.
# A style has fg, bg (both default when left out) and bold, dim, underline, reverse (false when
# left out). Roles a theme leaves out look as they do here. Colours are degraded to what the
# terminal shows; with no colour at all (NO_COLOR) the attributes keep roles apart: errors bold,
# warnings underlined, selection and search reversed, time and field keys dim.
name: default
palette:
  fg: default
  muted: "#a8a8a8"
  faint: "#585858"
  accent: "#5fafff"
  green: "#87d787"
  yellow: "#ffd75f"
  red: "#ff5f5f"
  crimson: "#d70000"
  magenta: "#d787ff"
  cyan: "#5fd7d7"
  blue: "#87afff"
  white: "#ffffff"
  ink: "#1c1c1c"
  surface: "#303030"
  raised: "#262626"
  highlight: "#444444"
roles:
  text:              {fg: fg}
  text.dim:          {fg: muted, dim: true}
  log.time:          {fg: muted, dim: true}
  log.source:        {fg: cyan}
  log.fieldKey:      {fg: muted, dim: true}
  log.fieldValue:    {fg: fg}
  log.trace:         {fg: muted, dim: true}
  log.debug:         {fg: blue, dim: true}
  log.info:          {fg: green}
  log.notice:        {fg: cyan}
  log.warn:          {fg: yellow, underline: true}
  log.error:         {fg: red, bold: true}
  log.fatal:         {fg: white, bg: crimson, bold: true}
  log.unknown:       {fg: fg}
  log.stack:         {fg: muted, dim: true}
  log.marker:        {fg: magenta, bold: true, underline: true}
  search.match:      {fg: ink, bg: yellow, bold: true}
  selection:         {fg: fg, bg: highlight}
  pane.border:       {fg: faint}
  pane.borderFocused: {fg: accent, bold: true}
  pane.title:        {fg: accent, bold: true}
  status.bar:        {fg: "#d0d0d0", bg: surface}
  status.info:       {fg: cyan, bg: surface}
  status.warning:    {fg: yellow, bg: surface, underline: true}
  status.error:      {fg: white, bg: crimson, bold: true}
  dialog:            {fg: fg}
  dialog.title:      {fg: accent, bold: true}
  input:             {fg: fg, bg: raised}
  help.key:          {fg: accent, bold: true}
  help.text:         {fg: fg}
  sparkline:         {fg: cyan}
  status.running:    {fg: green}
  status.pending:    {fg: cyan}
  status.stopped:    {fg: muted, dim: true}
  status.degraded:   {fg: yellow, underline: true}
  status.failed:     {fg: red, bold: true}

"""#

    static let lightTheme = #"""
# opsdeck theme "light": dark text on a light terminal. Format: see default.yml.
name: light
palette:
  fg: default
  muted: "#6c6c6c"
  faint: "#a8a8a8"
  accent: "#005fd7"
  green: "#008700"
  amber: "#af5f00"
  red: "#d70000"
  magenta: "#8700af"
  cyan: "#008787"
  blue: "#005faf"
  white: "#ffffff"
  ink: "#000000"
  surface: "#d0d0d0"
  raised: "#eeeeee"
  highlight: "#d7d7ff"
  search: "#ffd700"
roles:
  text:              {fg: fg}
  text.dim:          {fg: muted, dim: true}
  log.time:          {fg: muted, dim: true}
  log.source:        {fg: cyan}
  log.fieldKey:      {fg: muted, dim: true}
  log.fieldValue:    {fg: fg}
  log.trace:         {fg: muted, dim: true}
  log.debug:         {fg: blue, dim: true}
  log.info:          {fg: green}
  log.notice:        {fg: cyan}
  log.warn:          {fg: amber, underline: true}
  log.error:         {fg: red, bold: true}
  log.fatal:         {fg: white, bg: red, bold: true}
  log.unknown:       {fg: fg}
  log.stack:         {fg: muted, dim: true}
  log.marker:        {fg: magenta, bold: true, underline: true}
  search.match:      {fg: ink, bg: search, bold: true}
  selection:         {fg: ink, bg: highlight}
  pane.border:       {fg: faint}
  pane.borderFocused: {fg: accent, bold: true}
  pane.title:        {fg: accent, bold: true}
  status.bar:        {fg: ink, bg: surface}
  status.info:       {fg: blue, bg: surface}
  status.warning:    {fg: amber, bg: surface, underline: true}
  status.error:      {fg: white, bg: red, bold: true}
  dialog:            {fg: fg}
  dialog.title:      {fg: accent, bold: true}
  input:             {fg: ink, bg: raised}
  help.key:          {fg: accent, bold: true}
  help.text:         {fg: fg}
  sparkline:         {fg: blue}
  status.running:    {fg: green}
  status.pending:    {fg: cyan}
  status.stopped:    {fg: muted, dim: true}
  status.degraded:   {fg: amber, underline: true}
  status.failed:     {fg: red, bold: true}

"""#

    static let highContrastTheme = #"""
# opsdeck theme "high-contrast": the 16 ANSI colours at full strength, bold where it helps, no
# faint text, for bright rooms, projectors and low vision. Format: see default.yml.
name: high-contrast
palette:
  fg: bright-white
  quiet: white
  accent: bright-cyan
  ink: black
roles:
  text:              {fg: fg}
  text.dim:          {fg: quiet}
  log.time:          {fg: quiet}
  log.source:        {fg: bright-cyan}
  log.fieldKey:      {fg: quiet}
  log.fieldValue:    {fg: fg}
  log.trace:         {fg: quiet}
  log.debug:         {fg: bright-blue}
  log.info:          {fg: bright-green}
  log.notice:        {fg: bright-cyan}
  log.warn:          {fg: bright-yellow, bold: true, underline: true}
  log.error:         {fg: bright-red, bold: true}
  log.fatal:         {fg: bright-white, bg: red, bold: true}
  log.unknown:       {fg: fg}
  log.stack:         {fg: quiet}
  log.marker:        {fg: bright-magenta, bold: true, underline: true}
  search.match:      {fg: ink, bg: bright-yellow, bold: true}
  selection:         {fg: ink, bg: bright-white}
  pane.border:       {fg: quiet}
  pane.borderFocused: {fg: accent, bold: true}
  pane.title:        {fg: accent, bold: true}
  status.bar:        {fg: ink, bg: white}
  status.info:       {fg: blue, bg: white, bold: true}
  status.warning:    {fg: ink, bg: bright-yellow, bold: true, underline: true}
  status.error:      {fg: bright-white, bg: red, bold: true}
  dialog:            {fg: fg}
  dialog.title:      {fg: accent, bold: true}
  input:             {fg: fg, underline: true}
  help.key:          {fg: accent, bold: true}
  help.text:         {fg: fg}
  sparkline:         {fg: bright-cyan}
  status.running:    {fg: bright-green}
  status.pending:    {fg: bright-cyan}
  status.stopped:    {fg: quiet}
  status.degraded:   {fg: bright-yellow, bold: true, underline: true}
  status.failed:     {fg: bright-red, bold: true}

"""#

    static let monoTheme = #"""
# opsdeck theme "mono": no colour at all, only bold, dim, underline and reverse; what NO_COLOR
# and dumb terminals get. Format: see default.yml.
name: mono
palette: {}
roles:
  text:              {}
  text.dim:          {dim: true}
  log.time:          {dim: true}
  log.source:        {}
  log.fieldKey:      {dim: true}
  log.fieldValue:    {}
  log.trace:         {dim: true}
  log.debug:         {dim: true}
  log.info:          {}
  log.notice:        {}
  log.warn:          {underline: true}
  log.error:         {bold: true}
  log.fatal:         {bold: true, reverse: true}
  log.unknown:       {}
  log.stack:         {dim: true}
  log.marker:        {bold: true, underline: true}
  search.match:      {reverse: true, bold: true}
  selection:         {reverse: true}
  pane.border:       {}
  pane.borderFocused: {bold: true}
  pane.title:        {bold: true}
  status.bar:        {reverse: true}
  status.info:       {reverse: true}
  status.warning:    {reverse: true, underline: true}
  status.error:      {reverse: true, bold: true}
  dialog:            {}
  dialog.title:      {bold: true}
  input:             {underline: true}
  help.key:          {bold: true}
  help.text:         {}
  sparkline:         {}
  status.running:    {}
  status.pending:    {}
  status.stopped:    {dim: true}
  status.degraded:   {underline: true}
  status.failed:     {bold: true}

"""#
}
