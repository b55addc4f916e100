import CNcurses
import OpsUI

/// Turns what `wget_wch` returns into a `Key`. Pure, so the table is tested without a terminal.
public enum KeyDecoding {
    /// `wget_wch` reported a curses key code (`KEY_CODE_YES`): arrows, paging, function keys,
    /// `KEY_RESIZE`. Codes the UI has no key for give nil.
    public static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case Int32(KEY_UP): .up
        case Int32(KEY_DOWN): .down
        case Int32(KEY_LEFT): .left
        case Int32(KEY_RIGHT): .right
        case Int32(KEY_HOME): .home
        case Int32(KEY_END): .end
        case Int32(KEY_PPAGE): .pageUp
        case Int32(KEY_NPAGE): .pageDown
        case Int32(KEY_BACKSPACE): .backspace
        case Int32(KEY_DC): .delete
        case Int32(KEY_BTAB): .backTab
        case Int32(KEY_ENTER): .enter
        case cn_key_resize(): .resize
        case functionKeyBase + 1 ... functionKeyBase + maxFunctionKey: .function(Int(code - functionKeyBase))
        default: nil
        }
    }

    /// `wget_wch` reported a character. Terminals send Backspace as DEL (127) or BS (8) and
    /// Enter as CR (13, we run with `nonl`) or LF (10); the other C0 codes from 1 to 26 are
    /// Ctrl plus a letter. Other control codes (NUL, C1, Ctrl-\ …) and invalid scalars give nil.
    public static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<0x20, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// `KEY_F(n)` is `KEY_F0 + n`; ncurses reserves 64 function keys.
    static let functionKeyBase = cn_key_f0()
    static let maxFunctionKey: Int32 = 63
}
