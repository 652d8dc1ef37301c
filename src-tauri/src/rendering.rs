//! How the web view draws. On Linux, WebKitGTK's accelerated compositing falls back to
//! software GL where there is no usable GPU (virtual machines, remote desktops, many
//! projector laptops' drivers): there, moving one card repaints the whole board and a drag
//! runs at a few frames per second. Drawing without compositing is many times faster in
//! that case and no worse elsewhere for a board of cards. `MILEPOST_GPU=1` keeps WebKit's
//! own choice, for machines where it is better.

#[cfg(target_os = "linux")]
pub fn configure(app: &tauri::App) {
    use tauri::Manager;
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};

    if std::env::var_os("MILEPOST_GPU").is_some_and(|v| v == "1") {
        return;
    }
    for window in app.webview_windows().values() {
        let _ = window.with_webview(|webview| {
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
    }
}

#[cfg(not(target_os = "linux"))]
pub fn configure(_app: &tauri::App) {}
