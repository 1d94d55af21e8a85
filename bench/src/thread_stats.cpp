#include "thread_stats.hpp"

namespace rapidfire::bench {

void ThreadStats::add_to(CollectedStats& total) const {
    total.messages_in += messages_in.load(std::memory_order_relaxed);
    total.messages_out += messages_out.load(std::memory_order_relaxed);
    total.bytes_in += bytes_in.load(std::memory_order_relaxed);
    total.bytes_out += bytes_out.load(std::memory_order_relaxed);
    total.answers_sent += answers_sent;
    total.answers_accepted += answers_accepted;
    total.connect.merge(connect);
    total.join.merge(join);
    total.fanout.merge(fanout);
    if (total.fanout_by_question.size() < fanout_by_question.size())
        total.fanout_by_question.resize(fanout_by_question.size());
    for (std::size_t q = 0; q < fanout_by_question.size(); ++q)
        total.fanout_by_question[q].merge(fanout_by_question[q]);
    total.ack.merge(ack);
    for (const auto& [kind, count] : errors)
        total.errors[kind] += count;
}

}  // namespace rapidfire::bench
