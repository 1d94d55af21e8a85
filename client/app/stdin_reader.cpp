#include "stdin_reader.hpp"

#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <mutex>
#include <thread>

namespace rapidfire::client {

// The thread holds this, not the reader: after the reader is gone, deliveries are dropped.
struct StdinReader::Shared {
    std::mutex mutex;
    Sink sink;

    void deliver(std::string data, bool eof) {
        std::lock_guard lock(mutex);
        if (sink)
            sink(std::move(data), eof);
    }
};

StdinReader::StdinReader(Unit unit, Sink sink) : shared_(std::make_shared<Shared>()) {
    shared_->sink = std::move(sink);
    std::thread([shared = shared_, unit] {
        if (unit == Unit::lines) {
            std::string line;
            while (std::getline(std::cin, line)) {
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                shared->deliver(std::move(line), false);
            }
        } else {
            char buffer[256];
            for (;;) {
                const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    break;
                shared->deliver(std::string(buffer, static_cast<std::size_t>(n)), false);
            }
        }
        shared->deliver({}, true);
    }).detach();
}

StdinReader::~StdinReader() {
    std::lock_guard lock(shared_->mutex);
    shared_->sink = nullptr;
}

}  // namespace rapidfire::client
