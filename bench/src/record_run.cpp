#include "record_run.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <random>

#include "rapidfire/core/identity.hpp"
#include "rapidfire/core/journal.hpp"
#include "rapidfire/store/store.hpp"

namespace rapidfire::bench {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A scratch folder for a SQLite record, removed with the run.
struct ScratchFolder {
    std::filesystem::path path;
    ScratchFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "rapidfire-bench-XXXXXX");
        if (::mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot make a scratch folder");
        path = pattern;
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

// The journal of one game: started, every player's answer to every question, marked, then
// finished with each player's identity and ratings.
std::vector<core::JournalEntry> game(const std::string& code, int players, int questions,
                                     protocol::Millis at, std::mt19937_64& random) {
    std::vector<core::JournalEntry> journal;
    core::GameStarted started;
    started.code = code;
    started.round = 1;
    started.kind = protocol::RoomKind::quiz;
    started.bank = "Bench bank";
    started.host = "Host";
    started.host_token = "bench-host-token-" + code;
    for (int q = 0; q < questions; ++q)
        started.questions.push_back({q, "q" + std::to_string(q), "Question?", "Answer.", {}});
    started.at = at;
    journal.emplace_back(std::move(started));
    core::GameFinished finished;
    finished.code = code;
    finished.round = 1;
    finished.questions_played = questions;
    std::uniform_int_distribution<int> rating(1, 4);
    for (int p = 1; p <= players; ++p) {
        const std::string nickname = "p" + std::to_string(p);
        for (int q = 0; q < questions; ++q) {
            journal.emplace_back(
                core::AnswerRecorded{code, 1, q, p, nickname, 1000, 0, "", at + q * 20'000});
        }
        finished.standings.push_back(protocol::Standing{p, p, nickname, 0, 0, 0});
        finished.results.push_back(protocol::FinalResult{});
        // Identities as clients draw them: 22 characters, a digest on record.
        finished.identities.push_back(
            core::identity_digest("bench-identity-" + std::to_string(p) + "-padding"));
        std::vector<core::learning::QuestionRating> ratings;
        for (int q = 0; q < questions; ++q)
            ratings.push_back({"q" + std::to_string(q), core::fsrs::Rating{rating(random)}});
        finished.ratings.push_back(std::move(ratings));
    }
    finished.at = at + questions * 20'000;
    journal.emplace_back(std::move(finished));
    return journal;
}

}  // namespace

RecordResults run_record(const BenchOptions& options) {
    RecordResults results;
    results.players = options.record;
    results.questions = options.questions;
    std::optional<ScratchFolder> scratch;
    if (options.database.empty())
        scratch.emplace();
    const auto store =
        store::Store::open(options.database.empty() ? scratch->path.string() : options.database);
    results.record = store->describe();
    std::mt19937_64 random(options.seed);
    const protocol::Millis monday = 1'767'571'200'000;
    for (const auto& [code, at, end] :
         {std::tuple{std::string("BENCH1"), monday, &results.first_end_s},
          std::tuple{std::string("BENCH2"), monday + 3 * core::fsrs::day_ms,
                     &results.second_end_s}}) {
        auto journal = game(code, options.record, options.questions, at, random);
        const core::JournalEntry finished = std::move(journal.back());
        journal.pop_back();
        const auto answers = Clock::now();
        store->record(journal);
        results.answers_s += seconds_since(answers);
        const auto start = Clock::now();
        store->record({finished});
        *end = seconds_since(start);
    }
    for (int p = 1; p <= options.record; ++p) {
        results.cards += static_cast<int>(
            store
                ->cards(core::identity_digest("bench-identity-" + std::to_string(p) + "-padding"),
                        "Bench bank")
                .size());
    }
    return results;
}

void print_record(std::ostream& out, const RecordResults& r) {
    const double cards = static_cast<double>(r.players) * r.questions;
    out << "record: " << r.record << "\n"
        << "players " << r.players << ", questions " << r.questions << ", cards per game "
        << static_cast<long long>(cards) << "\n"
        << "first game's end (new cards):   " << r.first_end_s << " s ("
        << static_cast<long long>(cards / std::max(r.first_end_s, 1e-9)) << " cards/s)\n"
        << "second game's end (cards moved): " << r.second_end_s << " s ("
        << static_cast<long long>(cards / std::max(r.second_end_s, 1e-9)) << " cards/s)\n"
        << "answers of both games (for scale): " << r.answers_s << " s\n"
        << "cards on record: " << r.cards << (r.clean() ? "" : " (expected players x questions)")
        << "\n";
}

}  // namespace rapidfire::bench
