#pragma once
// The question's clock as this machine sees it: the server's deadline, corrected by the offset
// between the two clocks, drawn as a bar.

#include <string>

#include "rapidfire/client/style.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

using protocol::Millis;

class Countdown {
  public:
    // A message carrying server_time arrived at local time `local_now`.
    void sync(Millis server_time, Millis local_now) { offset_ = server_time - local_now; }
    void start(Millis deadline, Millis limit_ms, Millis remaining_ms, bool paused);
    void pause(Millis remaining_ms);
    void resume(Millis deadline, Millis remaining_ms);
    void extend(Millis deadline, Millis remaining_ms);

    // Milliseconds left at local time `local_now`, never negative.
    Millis remaining(Millis local_now) const;
    bool paused() const { return paused_; }
    Millis offset() const { return offset_; }

    // "[##########----------]  12.3s"; coloured green, then yellow, then red as time runs out.
    std::string bar(Millis local_now, const Style& style, int width = 30) const;

  private:
    Millis offset_ = 0;  // server clock minus local clock
    Millis deadline_ = 0;
    Millis limit_ = 1;
    Millis paused_remaining_ = 0;
    bool paused_ = false;
};

// "12.3s"
std::string format_seconds(Millis ms);

}  // namespace rapidfire::client
