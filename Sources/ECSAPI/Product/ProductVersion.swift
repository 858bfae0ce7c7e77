/// The product's version: the one place it is written. `ecsfleet --version`, the help of the commands and
/// of the screen, and `ecs-sim --version` all read it.
public enum ProductVersion {
    public static let current = "0.10.0"
}
