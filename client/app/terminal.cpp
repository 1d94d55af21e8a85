#include "terminal.hpp"

#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace rapidfire::client::terminal {

namespace {

// Saved for restore(), which a signal handler or atexit may call: plain globals, no locks.
termios saved_mode{};
volatile bool mode_changed = false;

void restore_at_exit() {
    restore();
}

}  // namespace

bool stdin_is_terminal() {
    return ::isatty(STDIN_FILENO) == 1;
}
bool stdout_is_terminal() {
    return ::isatty(STDOUT_FILENO) == 1;
}

bool colors_wanted(bool no_color_option) {
    if (no_color_option || !stdout_is_terminal())
        return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color != nullptr && *no_color != '\0')
        return false;
    const char* term = std::getenv("TERM");
    return term == nullptr || std::string_view(term) != "dumb";
}

int columns() {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

RawMode::RawMode() {
    if (!stdin_is_terminal() || ::tcgetattr(STDIN_FILENO, &saved_mode) != 0)
        return;
    termios raw = saved_mode;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) != 0)
        return;
    mode_changed = true;
    active_ = true;
    static const bool registered = [] { return std::atexit(restore_at_exit) == 0; }();
    (void)registered;
}

RawMode::~RawMode() {
    restore();
}

void restore() {
    if (!mode_changed)
        return;
    mode_changed = false;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_mode);
}

}  // namespace rapidfire::client::terminal
