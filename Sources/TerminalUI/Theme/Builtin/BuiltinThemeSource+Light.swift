// Generated from themes/light.toml; keep the two identical (ThemeFilesTests checks).

extension BuiltinThemeSource {
    /// The text of `themes/light.toml`, compiled in so the binary works without the file.
    static let light = """
        # ecsfleet theme "light".
        #
        # To make your own, copy this file to $XDG_CONFIG_HOME/ecsfleet/themes/NAME.toml and choose it by NAME
        # (or give the file's path). Each [role] table styles one purpose:
        #   fg, bg     a colour: an ANSI name ("red", "bright-blue"; black red green yellow blue magenta
        #              cyan white, each also as bright-NAME), a palette index 0-255, "#RRGGBB", or "default"
        #              (the terminal's own colour)
        #   bold, dim, reverse, underline    true or false
        # A role left out of a file takes its style from the theme named by `extends` (default: "default").

        description = "Darker colours from the 256-colour palette, for light (white or cream) terminal backgrounds."

        # Screen and section titles (the top bar, help headings).
        [title]
        fg = 18
        bold = true

        # Table header row (column titles).
        [header]
        fg = 24
        bold = true
        underline = true

        # Ordinary table rows.
        [row]

        # Every other row, when a table stripes its rows.
        [row.alt]
        bg = 255

        # The row under the cursor. Cell colours are not shown on it, so it must stand out alone.
        [cursor]
        fg = 16
        bg = 153
        bold = true

        # Marked rows (selected with Space) and their mark glyph.
        [mark]
        fg = 130
        bold = true

        # Instance state Running. The screen always shows a glyph and the word too, so colour
        # is never the only signal: ● Running, ◑ Starting, ◐ Stopping, ○ Stopped, ◌ Pending
        # (in ASCII: * Running, ~ Starting and Stopping, o Stopped, . Pending).
        [status.running]
        fg = 28

        # Instance state Starting.
        [status.starting]
        fg = 31

        # Instance state Stopping.
        [status.stopping]
        fg = 130

        # Instance state Stopped.
        [status.stopped]
        fg = 124

        # Instance state Pending.
        [status.pending]
        fg = 91

        # Dialog body text and background.
        [dialog]

        # Dialog frame.
        [dialog.border]
        fg = 24

        # Dialog title, drawn on the frame.
        [dialog.title]
        fg = 18
        bold = true

        # Dialog buttons such as [c] Cancel.
        [button]

        # The button Enter would press.
        [button.focused]
        fg = 231
        bg = 24
        bold = true

        # Destructive actions and failures (the Stop button, errors).
        [danger]
        fg = 160
        bold = true

        # Warnings (skipped instances, throttling, retries).
        [warning]
        fg = 130

        # Completed operations.
        [success]
        fg = 28

        # Hint bar labels at the bottom of the screen.
        [hint]
        fg = 240

        # Hint bar keys.
        [hint.key]
        fg = 24
        bold = true

        # The status line (region, counts, time of the last refresh).
        [status.line]
        fg = 16
        bg = 252

        # Small labels such as READ-ONLY or SANDBOX.
        [badge]
        fg = 231
        bg = 130
        bold = true

        # De-emphasised text, and disabled keys in help (greyed out, not hidden).
        [dim]
        fg = 245

        # Frames around panes.
        [border]
        fg = 249

        # Text being typed (the filter).
        [input]
        underline = true

        # Progress bars: the filled part.
        [progress.done]
        fg = 28

        # Progress bars: the part still to do.
        [progress.todo]
        fg = 250

        # Keys in the help screen.
        [help.key]
        fg = 24
        bold = true

        """
}
