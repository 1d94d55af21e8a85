#pragma once
// An interview summary as a Markdown document, for the candidate to keep.

#include <string>

#include "rapidfire/content/bank.hpp"
#include "rapidfire/protocol/messages.hpp"

namespace rapidfire::client {

// `guide` (may be null) turns tip ids into their titles and advice.
std::string summary_markdown(const protocol::Summary& summary, const content::StudyGuide* guide);

}  // namespace rapidfire::client
