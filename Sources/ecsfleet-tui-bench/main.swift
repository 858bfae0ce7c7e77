// ecsfleet-tui-bench: being written
