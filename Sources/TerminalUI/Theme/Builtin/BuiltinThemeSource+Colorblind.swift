// Generated from themes/colorblind.toml; keep the two identical (ThemeFilesTests checks).

extension BuiltinThemeSource {
    /// The text of `themes/colorblind.toml`, compiled in so the binary works without the file.
    static let colorblind = """
        # ecsfleet theme "colorblind".
        #
        # To make your own, copy this file to $XDG_CONFIG_HOME/ecsfleet/themes/NAME.toml and choose it by NAME
        # (or give the file's path). Each [role] table styles one purpose:
        #   fg, bg     a colour: an ANSI name ("red", "bright-blue"; black red green yellow blue magenta
        #              cyan white, each also as bright-NAME), a palette index 0-255, "#RRGGBB", or "default"
        #              (the terminal's own colour)
        #   bold, dim, reverse, underline    true or false
        # A role left out of a file takes its style from the theme named by `extends` (default: "default").

        description = "Safe for red-green colour blindness: blue and orange (Okabe-Ito palette) instead of green and red; states also keep their glyphs."

        # Screen and section titles (the top bar, help headings).
        [title]
        bold = true

        # Table header row (column titles).
        [header]
        fg = 74
        bold = true

        # Ordinary table rows.
        [row]

        # Every other row, when a table stripes its rows.
        [row.alt]

        # The row under the cursor. Cell colours are not shown on it, so it must stand out alone.
        [cursor]
        fg = 231
        bg = 25
        bold = true

        # Marked rows (selected with Space) and their mark glyph.
        [mark]
        fg = 220
        bold = true
        underline = true

        # Instance state Running. The screen always shows a glyph and the word too, so colour
        # is never the only signal: ● Running, ◑ Starting, ◐ Stopping, ○ Stopped, ◌ Pending
        # (in ASCII: * Running, ~ Starting and Stopping, o Stopped, . Pending).
        [status.running]
        fg = 33
        bold = true

        # Instance state Starting.
        [status.starting]
        fg = 117

        # Instance state Stopping.
        [status.stopping]
        fg = 220

        # Instance state Stopped.
        [status.stopped]
        fg = 208

        # Instance state Pending.
        [status.pending]
        fg = 175

        # Dialog body text and background.
        [dialog]

        # Dialog frame.
        [dialog.border]
        fg = 74

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
        fg = 208
        bold = true
        underline = true

        # Warnings (skipped instances, throttling, retries).
        [warning]
        fg = 220

        # Completed operations.
        [success]
        fg = 33

        # Hint bar labels at the bottom of the screen.
        [hint]

        # Hint bar keys.
        [hint.key]
        fg = 117
        bold = true

        # The status line (region, counts, time of the last refresh).
        [status.line]
        reverse = true

        # Small labels such as READ-ONLY or SANDBOX.
        [badge]
        fg = 16
        bg = 220
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
        fg = 33

        # Progress bars: the part still to do.
        [progress.todo]
        dim = true

        # Keys in the help screen.
        [help.key]
        fg = 117
        bold = true

        """
}
