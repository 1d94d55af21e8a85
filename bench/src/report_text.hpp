#pragma once
// The text both run reports (the games', --match's) are made of: printf-style values, labelled
// rows, latency lines, and the lines every report has alike.

#include <cstdint>
#include <iosfwd>
#include <string>

#include "latency_samples.hpp"
#include "run_record.hpp"

namespace rapidfire::bench {

std::string format(const char* pattern, ...) __attribute__((format(printf, 1, 2)));

// One line of a section: the label in a column of its own, then the value.
void row(std::ostream& out, const char* label, const std::string& value);

// Percentiles and the sample count, or "no samples".
std::string latency_text(const LatencySummary& s);

double in_mib(double bytes);

// Under the title: the loopback addresses connected from (when several), then the notes.
void print_setup_notes(std::ostream& out, const RunRecord& r);

// In the outcome: the errors, each kind, and the timeout if the run reached it.
void print_errors(std::ostream& out, const RunRecord& r);

}  // namespace rapidfire::bench
