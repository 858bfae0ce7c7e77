// Generated from themes/mono.toml; keep the two identical (ThemeFilesTests checks).

extension BuiltinThemeSource {
    /// The text of `themes/mono.toml`, compiled in so the binary works without the file.
    static let mono = """
        # ecsfleet theme "mono".
        #
        # To make your own, copy this file to $XDG_CONFIG_HOME/ecsfleet/themes/NAME.toml and choose it by NAME
        # (or give the file's path). Each [role] table styles one purpose:
        #   fg, bg     a colour: an ANSI name ("red", "bright-blue"; black red green yellow blue magenta
        #              cyan white, each also as bright-NAME), a palette index 0-255, "#RRGGBB", or "default"
        #              (the terminal's own colour)
        #   bold, dim, reverse, underline    true or false
        # A role left out of a file takes its style from the theme named by `extends` (default: "default").

        description = "No colour at all: bold, reverse, underline and dim only. Used when NO_COLOR is set or the terminal has no colours."

        # Screen and section titles (the top bar, help headings).
        [title]
        bold = true
        underline = true

        # Table header row (column titles).
        [header]
        bold = true
        underline = true

        # Ordinary table rows.
        [row]

        # Every other row, when a table stripes its rows.
        [row.alt]

        # The row under the cursor. Cell colours are not shown on it, so it must stand out alone.
        [cursor]
        reverse = true
        bold = true

        # Marked rows (selected with Space) and their mark glyph.
        [mark]
        bold = true
        underline = true

        # Instance state Running. The screen always shows a glyph and the word too, so colour
        # is never the only signal: ● Running, ◑ Starting, ◐ Stopping, ○ Stopped, ◌ Pending
        # (in ASCII: * Running, ~ Starting and Stopping, o Stopped, . Pending).
        [status.running]
        bold = true

        # Instance state Starting.
        [status.starting]

        # Instance state Stopping.
        [status.stopping]

        # Instance state Stopped.
        [status.stopped]
        dim = true

        # Instance state Pending.
        [status.pending]

        # Dialog body text and background.
        [dialog]

        # Dialog frame.
        [dialog.border]
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
        bold = true
        underline = true

        # Warnings (skipped instances, throttling, retries).
        [warning]
        bold = true

        # Completed operations.
        [success]

        # Hint bar labels at the bottom of the screen.
        [hint]

        # Hint bar keys.
        [hint.key]
        bold = true

        # The status line (region, counts, time of the last refresh).
        [status.line]
        reverse = true

        # Small labels such as READ-ONLY or SANDBOX.
        [badge]
        reverse = true
        bold = true

        # De-emphasised text, and disabled keys in help (greyed out, not hidden).
        [dim]
        dim = true

        # Frames around panes.
        [border]

        # Text being typed (the filter).
        [input]
        underline = true

        # Progress bars: the filled part.
        [progress.done]
        bold = true

        # Progress bars: the part still to do.
        [progress.todo]
        dim = true

        # Keys in the help screen.
        [help.key]
        bold = true

        """
}
