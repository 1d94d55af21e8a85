#pragma once
// Reads stdin on its own thread with blocking reads and hands what it reads to a callback.
// Blocking reads work for terminals, pipes and regular files alike (an Asio stream descriptor
// does not accept regular files).

#include <functional>
#include <memory>
#include <string>

namespace rapidfire::client {

class StdinReader {
  public:
    enum class Unit { lines, bytes };
    // Called on the reader's thread: post into the io_context from there. `eof` is true once,
    // last, with empty data.
    using Sink = std::function<void(std::string data, bool eof)>;

    // Lines come without their newline; bytes come in chunks as read.
    StdinReader(Unit unit, Sink sink);
    // Stops delivering; the thread, blocked in a read, is left to end with the process.
    ~StdinReader();
    StdinReader(const StdinReader&) = delete;
    StdinReader& operator=(const StdinReader&) = delete;

  private:
    struct Shared;
    std::shared_ptr<Shared> shared_;
};

}  // namespace rapidfire::client
