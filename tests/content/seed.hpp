#pragma once
// The user's seed file, read independently of the library's parsers, so that the bundled
// content can be checked against it word for word.

#include <string>
#include <vector>

#include "rapidfire/content/bank.hpp"

namespace rapidfire::content::testing {

const std::string& seed_text();
std::vector<std::string> seed_lines();

struct SeedRow {
    std::string question;
    std::string answer;
};

// The 20 rows of the Rapid Fire table: "| n | question | answer |", split at the first two
// inner separators (the last answer cell holds a '|' of its own).
std::vector<SeedRow> seed_table_rows();

// The study material as the seed lays it out, line by line. Tip ids are not in the seed and
// stay empty.
StudyGuide seed_guide();

}  // namespace rapidfire::content::testing
