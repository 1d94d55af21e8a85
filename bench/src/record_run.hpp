#pragma once
// `rapidfire-bench --record N`: what the end of a quiz of N players with identities costs the
// record. No server: the bench opens a fresh record itself (SQLite in a scratch folder, or the
// PostgreSQL database --database names), writes the journal of a game of N players and
// --questions questions as a room hands it over, then the same game again, and times each
// game's end, whose cards (N x questions) move in the same transaction.

#include <iosfwd>
#include <string>

#include "bench_options.hpp"

namespace rapidfire::bench {

struct RecordResults {
    int players = 0;
    int questions = 0;
    std::string record;       // where, as the store describes it
    double answers_s = 0;     // the first game's start and answers (not timed in the cards' share)
    double first_end_s = 0;   // the first game's end: every card new
    double second_end_s = 0;  // the second game's end: every card moved on
    int cards = 0;            // cards on record after both games (N x questions when clean)
    bool clean() const { return cards == players * questions; }
};

RecordResults run_record(const BenchOptions& options);
void print_record(std::ostream& out, const RecordResults& results);

}  // namespace rapidfire::bench
