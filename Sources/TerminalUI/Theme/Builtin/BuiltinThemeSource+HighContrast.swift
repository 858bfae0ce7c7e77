// Generated from themes/high-contrast.toml; keep the two identical (ThemeFilesTests checks).

extension BuiltinThemeSource {
    /// The text of `themes/high-contrast.toml`, compiled in so the binary works without the file.
    static let highContrast = """
        # ecsfleet theme "high-contrast".
        #
        # To make your own, copy this file to $XDG_CONFIG_HOME/ecsfleet/themes/NAME.toml and choose it by NAME
        # (or give the file's path). Each [role] table styles one purpose:
        #   fg, bg     a colour: an ANSI name ("red", "bright-blue"; black red green yellow blue magenta
        #              cyan white, each also as bright-NAME), a palette index 0-255, "#RRGGBB", or "default"
        #              (the terminal's own colour)
        #   bold, dim, reverse, underline    true or false
        # A role left out of a file takes its style from the theme named by `extends` (default: "default").

        description = "Bright colours and bold text for low vision or bright rooms; best on a dark background. No dim text."

        # Screen and section titles (the top bar, help headings).
        [title]
        fg = "bright-white"
        bold = true
        underline = true

        # Table header row (column titles).
        [header]
        fg = "bright-yellow"
        bold = true
        underline = true

        # Ordinary table rows.
        [row]
        bold = true

        # Every other row, when a table stripes its rows.
        [row.alt]
        bold = true

        # The row under the cursor. Cell colours are not shown on it, so it must stand out alone.
        [cursor]
        fg = "black"
        bg = "bright-yellow"
        bold = true

        # Marked rows (selected with Space) and their mark glyph.
        [mark]
        fg = "bright-magenta"
        bold = true
        underline = true

        # Instance state Running. The screen always shows a glyph and the word too, so colour
        # is never the only signal: ● Running, ◑ Starting, ◐ Stopping, ○ Stopped, ◌ Pending
        # (in ASCII: * Running, ~ Starting and Stopping, o Stopped, . Pending).
        [status.running]
        fg = "bright-green"
        bold = true

        # Instance state Starting.
        [status.starting]
        fg = "bright-cyan"
        bold = true

        # Instance state Stopping.
        [status.stopping]
        fg = "bright-yellow"
        bold = true

        # Instance state Stopped.
        [status.stopped]
        fg = "bright-red"
        bold = true

        # Instance state Pending.
        [status.pending]
        fg = "bright-magenta"
        bold = true

        # Dialog body text and background.
        [dialog]
        fg = "bright-white"
        bold = true

        # Dialog frame.
        [dialog.border]
        fg = "bright-yellow"
        bold = true

        # Dialog title, drawn on the frame.
        [dialog.title]
        fg = "bright-yellow"
        bold = true

        # Dialog buttons such as [c] Cancel.
        [button]
        fg = "bright-white"
        bold = true

        # The button Enter would press.
        [button.focused]
        fg = "black"
        bg = "bright-white"
        bold = true

        # Destructive actions and failures (the Stop button, errors).
        [danger]
        fg = "bright-red"
        bold = true
        underline = true

        # Warnings (skipped instances, throttling, retries).
        [warning]
        fg = "bright-yellow"
        bold = true

        # Completed operations.
        [success]
        fg = "bright-green"
        bold = true

        # Hint bar labels at the bottom of the screen.
        [hint]
        fg = "bright-white"

        # Hint bar keys.
        [hint.key]
        fg = "black"
        bg = "bright-cyan"
        bold = true

        # The status line (region, counts, time of the last refresh).
        [status.line]
        fg = "black"
        bg = "bright-white"

        # Small labels such as READ-ONLY or SANDBOX.
        [badge]
        fg = "black"
        bg = "bright-yellow"
        bold = true

        # De-emphasised text, and disabled keys in help (greyed out, not hidden).
        [dim]
        fg = "white"

        # Frames around panes.
        [border]
        fg = "bright-white"

        # Text being typed (the filter).
        [input]
        fg = "bright-white"
        bold = true
        underline = true

        # Progress bars: the filled part.
        [progress.done]
        fg = "bright-green"
        bold = true

        # Progress bars: the part still to do.
        [progress.todo]
        fg = "white"

        # Keys in the help screen.
        [help.key]
        fg = "bright-cyan"
        bold = true

        """
}
