#include "rapidfire/core/learning.hpp"

#include <algorithm>
#include <unordered_map>

#include "rapidfire/core/round_plan.hpp"

namespace rapidfire::core::learning {

using protocol::SelfGrade;
using protocol::Verdict;

fsrs::Rating rating_of(std::optional<Verdict> verdict, std::optional<SelfGrade> grade,
                       Millis elapsed_ms, Millis allowed_ms) {
    if (grade) {
        switch (*grade) {
            case SelfGrade::again:
                return fsrs::Rating::again;
            case SelfGrade::hard:
                return fsrs::Rating::hard;
            case SelfGrade::good:
                return fsrs::Rating::good;
            case SelfGrade::easy:
                return fsrs::Rating::easy;
        }
    }
    if (!verdict || *verdict == Verdict::wrong)
        return fsrs::Rating::again;
    if (*verdict == Verdict::partial)
        return fsrs::Rating::hard;
    const bool quick = allowed_ms > 0 && elapsed_ms * 100 <= allowed_ms * easy_share_percent;
    return quick ? fsrs::Rating::easy : fsrs::Rating::good;
}

namespace {

std::unordered_map<std::string, const fsrs::Card*> by_question(
    const std::vector<StoredCard>& cards) {
    std::unordered_map<std::string, const fsrs::Card*> index;
    for (const auto& stored : cards)
        index.emplace(stored.question, &stored.card);
    return index;
}

}  // namespace

std::vector<std::string> review_order(const content::Bank& bank,
                                      const std::vector<std::string>& topics,
                                      const std::vector<StoredCard>& cards, Millis now, int count) {
    const auto cards_by_question = by_question(cards);
    struct Due {
        Millis due;
        std::size_t position;  // in the bank
    };
    std::vector<Due> due;
    std::vector<std::size_t> fresh;
    for (std::size_t i = 0; i < bank.questions.size(); ++i) {
        const auto& question = bank.questions[i];
        if (!on_topics(question, topics))
            continue;
        const auto found = cards_by_question.find(question.id);
        if (found == cards_by_question.end() || found->second->state == fsrs::CardState::new_card)
            fresh.push_back(i);
        else if (found->second->due <= now)
            due.push_back({found->second->due, i});
    }
    std::stable_sort(due.begin(), due.end(),
                     [](const Due& a, const Due& b) { return a.due < b.due; });
    std::vector<std::string> order;
    for (const auto& d : due) {
        if (static_cast<int>(order.size()) < count)
            order.push_back(bank.questions[d.position].id);
    }
    for (const std::size_t i : fresh) {
        if (static_cast<int>(order.size()) < count)
            order.push_back(bank.questions[i].id);
    }
    return order;
}

std::optional<Millis> next_due(const std::vector<StoredCard>& cards, Millis now) {
    std::optional<Millis> next;
    for (const auto& stored : cards) {
        if (stored.card.state == fsrs::CardState::review && stored.card.due > now &&
            (!next || stored.card.due < *next))
            next = stored.card.due;
    }
    return next;
}

namespace {

struct Tally {
    TopicProgress progress;
    double recall_sum = 0;
    int answered = 0;

    void add(const fsrs::Card* card, Millis now) {
        ++progress.questions;
        if (card == nullptr || card->state == fsrs::CardState::new_card) {
            ++progress.fresh;
            return;
        }
        if (card->due <= now)
            ++progress.due;
        else
            ++progress.learnt;
        recall_sum += fsrs::retrievability(*card, now);
        ++answered;
    }
    TopicProgress done() {
        if (answered > 0)
            progress.retention = recall_sum / answered;
        return progress;
    }
};

}  // namespace

std::vector<TopicProgress> progress(const content::Bank& bank, const std::vector<StoredCard>& cards,
                                    Millis now) {
    const auto cards_by_question = by_question(cards);
    std::vector<Tally> topics;
    std::unordered_map<std::string, std::size_t> topic_index;
    Tally whole;
    for (const auto& question : bank.questions) {
        const auto found = cards_by_question.find(question.id);
        const fsrs::Card* card = found == cards_by_question.end() ? nullptr : found->second;
        whole.add(card, now);
        for (const auto& topic : question.topics) {
            const auto [at, added] = topic_index.emplace(topic, topics.size());
            if (added) {
                Tally tally;
                tally.progress.topic = topic;
                topics.push_back(std::move(tally));
            }
            topics[at->second].add(card, now);
        }
    }
    std::vector<TopicProgress> result;
    result.reserve(topics.size() + 1);
    for (auto& tally : topics)
        result.push_back(tally.done());
    result.push_back(whole.done());
    return result;
}

}  // namespace rapidfire::core::learning
