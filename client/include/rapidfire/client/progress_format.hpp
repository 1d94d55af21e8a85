#pragma once
// The answer of /api/progress, read and shown: per topic, how many questions are due, learnt
// and new, and how well the answered ones are remembered.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapidfire::client {

struct TopicProgressRow {
    std::string topic;  // empty: the whole bank
    int questions = 0;
    int due = 0;
    int learnt = 0;
    int fresh = 0;  // never answered ("new" on the wire)
    std::optional<double> retention;
};

struct Progress {
    std::string bank;
    std::int64_t as_of = 0;  // Unix milliseconds
    std::vector<TopicProgressRow> topics;
    TopicProgressRow total;
    std::optional<std::int64_t> next_due;  // Unix milliseconds
};

// Throws std::runtime_error when the body is not a progress answer.
Progress parse_progress(std::string_view body);

// A header line, an aligned table (topic, questions, due, learnt, new, remembered) with the
// whole bank last, then what to do next: review what is due, or when the next comes back.
std::string progress_text(const Progress& progress);

}  // namespace rapidfire::client
