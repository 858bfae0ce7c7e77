// Generated from themes/default.toml; keep the two identical (ThemeFilesTests checks).

extension BuiltinThemeSource {
    /// The text of `themes/default.toml`, compiled in so the binary works without the file.
    static let `default` = """
        # ecsfleet theme "default".
        #
        # To make your own, copy this file to $XDG_CONFIG_HOME/ecsfleet/themes/NAME.toml and choose it by NAME
        # (or give the file's path). Each [role] table styles one purpose:
        #   fg, bg     a colour: an ANSI name ("red", "bright-blue"; black red green yellow blue magenta
        #              cyan white, each also as bright-NAME), a palette index 0-255, "#RRGGBB", or "default"
        #              (the terminal's own colour)
        #   bold, dim, reverse, underline    true or false
        # A role left out of a file takes its style from the theme named by `extends` (default: "default").

        description = "The 16 ANSI colours on the terminal's own background; readable on dark and light terminals."

        # Screen and section titles (the top bar, help headings).
        [title]
        bold = true

        # Table header row (column titles).
        [header]
        fg = "cyan"
        bold = true

        # Ordinary table rows.
        [row]

        # Every other row, when a table stripes its rows.
        [row.alt]

        # The row under the cursor. Cell colours are not shown on it, so it must stand out alone.
        [cursor]
        fg = "bright-white"
        bg = "blue"
        bold = true

        # Marked rows (selected with Space) and their mark glyph.
        [mark]
        fg = "yellow"
        bold = true

        # Instance state Running. The screen always shows a glyph and the word too, so colour
        # is never the only signal: ● Running, ◑ Starting, ◐ Stopping, ○ Stopped, ◌ Pending
        # (in ASCII: * Running, ~ Starting and Stopping, o Stopped, . Pending).
        [status.running]
        fg = "green"

        # Instance state Starting.
        [status.starting]
        fg = "cyan"

        # Instance state Stopping.
        [status.stopping]
        fg = "yellow"

        # Instance state Stopped.
        [status.stopped]
        fg = "red"

        # Instance state Pending.
        [status.pending]
        fg = "magenta"

        # Dialog body text and background.
        [dialog]

        # Dialog frame.
        [dialog.border]
        fg = "blue"
        bold = true

        # Dialog title, drawn on the frame.
        [dialog.title]
        bold = true

        # Dialog buttons such as [c] Cancel.
        [button]

        # The button Enter would press.
        [button.focused]
        reverse = true
        bold = true

        # Destructive actions and failures (the Stop button, errors).
        [danger]
        fg = "red"
        bold = true

        # Warnings (skipped instances, throttling, retries).
        [warning]
        fg = "yellow"

        # Completed operations.
        [success]
        fg = "green"

        # Hint bar labels at the bottom of the screen.
        [hint]

        # Hint bar keys.
        [hint.key]
        fg = "cyan"
        bold = true

        # The status line (region, counts, time of the last refresh).
        [status.line]
        reverse = true

        # Small labels such as READ-ONLY or SANDBOX.
        [badge]
        fg = "black"
        bg = "yellow"
        bold = true

        # De-emphasised text, and disabled keys in help (greyed out, not hidden).
        [dim]
        dim = true

        # Frames around panes.
        [border]
        dim = true

        # Text being typed (the filter).
        [input]
        underline = true

        # Progress bars: the filled part.
        [progress.done]
        fg = "green"

        # Progress bars: the part still to do.
        [progress.todo]
        dim = true

        # Keys in the help screen.
        [help.key]
        fg = "cyan"
        bold = true

        """
}
