#pragma once
// The terminal: is there one, may we colour, and non-canonical mode (keys as they are typed,
// no echo) that is undone on every way out, signals included.

namespace rapidfire::client::terminal {

bool stdin_is_terminal();
bool stdout_is_terminal();
// Colours when stdout is a terminal, NO_COLOR is unset and --no-color was not given.
bool colors_wanted(bool no_color_option);
// Columns of the terminal on stdout, 80 when unknown.
int columns();

// While alive, stdin delivers each key at once without echo; signals (Ctrl-C) still work.
class RawMode {
  public:
    RawMode();
    ~RawMode();
    RawMode(const RawMode&) = delete;
    RawMode& operator=(const RawMode&) = delete;

    bool active() const { return active_; }

  private:
    bool active_ = false;
};

// Puts the terminal back as it was, if RawMode changed it. Async-signal-safe.
void restore();

}  // namespace rapidfire::client::terminal
