// PROTOCOL.md and the code agree: every message is documented in the right direction with all
// its fields and an example that decodes; every shared object lists its fields; every error
// code has a row in the error table; and the document names nothing the code does not have.

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include "rapidfire/protocol/codec.hpp"
#include "samples.hpp"

#ifndef RAPIDFIRE_PROTOCOL_MD
#error "RAPIDFIRE_PROTOCOL_MD must name PROTOCOL.md"
#endif

namespace rapidfire::protocol {
namespace {

using testing::is_described_struct;
using testing::is_optional;
using testing::is_vector;
using testing::members_of;
using testing::tag;
using testing::wire_name;

constexpr std::string_view client_section = "Client to server";
constexpr std::string_view server_section = "Server to client";
constexpr std::string_view objects_section = "Objects";
constexpr std::string_view errors_section = "Error codes";

// The heading under which PROTOCOL.md documents each shared object. A new nested struct needs
// an overload here, and then a section in the document.
std::string_view object_name(tag<RoundSettings>) {
    return "RoundSettings";
}
std::string_view object_name(tag<PlayerInfo>) {
    return "PlayerInfo";
}
std::string_view object_name(tag<Standing>) {
    return "Standing";
}
std::string_view object_name(tag<AnswerGroup>) {
    return "AnswerGroup";
}
std::string_view object_name(tag<SummaryItem>) {
    return "SummaryItem";
}
std::string_view object_name(tag<TopicMisses>) {
    return "TopicMisses";
}
std::string_view object_name(tag<StudyTopic>) {
    return "StudyTopic";
}
std::string_view object_name(tag<TopicCount>) {
    return "TopicCount";
}
std::string_view object_name(tag<Rating>) {
    return "Rating";
}
std::string_view object_name(tag<FeedbackArea>) {
    return "FeedbackArea";
}
std::string_view object_name(tag<OpenRoom>) {
    return "OpenRoom";
}

// One "### " subsection: its heading text and the lines under it.
struct Subsection {
    std::string heading;
    std::vector<std::string> lines;
    std::vector<std::string> json_examples;
};

// One "## " section.
struct Section {
    std::string heading;
    std::vector<std::string> lines;  // all lines, subsections included
    std::vector<Subsection> subsections;
};

struct Document {
    std::vector<Section> sections;

    const Section* find(std::string_view heading) const {
        for (const auto& s : sections) {
            if (s.heading == heading)
                return &s;
        }
        return nullptr;
    }
};

Document load() {
    std::ifstream in(RAPIDFIRE_PROTOCOL_MD);
    Document doc;
    if (!in) {
        ADD_FAILURE() << "cannot open " << RAPIDFIRE_PROTOCOL_MD;
        return doc;
    }
    std::string line;
    bool in_code = false;
    std::string code_lang;
    std::string code;
    while (std::getline(in, line)) {
        if (line.rfind("```", 0) == 0) {
            if (!in_code) {
                in_code = true;
                code_lang = line.substr(3);
                code.clear();
            } else {
                in_code = false;
                if (code_lang == "json" && !doc.sections.empty() &&
                    !doc.sections.back().subsections.empty()) {
                    doc.sections.back().subsections.back().json_examples.push_back(code);
                }
            }
            continue;
        }
        if (in_code) {
            code += line + "\n";
            continue;
        }
        if (line.rfind("## ", 0) == 0) {
            doc.sections.push_back({line.substr(3), {}, {}});
            continue;
        }
        if (doc.sections.empty())
            continue;
        auto& section = doc.sections.back();
        if (line.rfind("### ", 0) == 0) {
            section.subsections.push_back({line.substr(4), {}, {}});
        } else if (!section.subsections.empty()) {
            section.subsections.back().lines.push_back(line);
        }
        section.lines.push_back(line);
    }
    EXPECT_FALSE(in_code) << "unterminated code block";
    return doc;
}

const Document& document() {
    static const Document doc = load();
    return doc;
}

// "`name`" → "name"; anything else → "".
std::string backticked(std::string_view text) {
    if (text.size() < 3 || text.front() != '`' || text.back() != '`')
        return "";
    const auto inner = text.substr(1, text.size() - 2);
    if (inner.find('`') != std::string_view::npos)
        return "";
    return std::string(inner);
}

// Names in the first column of table rows of the form "| `name` | ...".
std::vector<std::string> row_names(const std::vector<std::string>& lines) {
    std::vector<std::string> names;
    for (const auto& line : lines) {
        if (line.rfind("| `", 0) != 0)
            continue;
        const auto end = line.find(" |", 2);
        if (end == std::string::npos)
            continue;
        const auto name = backticked(std::string_view(line).substr(2, end - 2));
        if (!name.empty())
            names.push_back(name);
    }
    return names;
}

template <class T>
std::vector<std::string> member_names() {
    std::vector<std::string> names;
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) { names.emplace_back(wire_name(m.name)); });
    return names;
}

// Checks that a subsection's field table lists exactly the members of T, once each.
template <class T>
void expect_field_table(const Subsection& subsection) {
    const auto documented = row_names(subsection.lines);
    std::multiset<std::string> rows(documented.begin(), documented.end());
    for (const auto& name : member_names<T>()) {
        EXPECT_EQ(rows.count(name), 1u) << "field '" << name << "' should have one row";
    }
    const auto members = member_names<T>();
    for (const auto& row : rows) {
        EXPECT_NE(std::find(members.begin(), members.end(), row), members.end())
            << "row '" << row << "' is not a field";
    }
}

// The element of an optional or array member (of an optional array too); the member itself
// otherwise.
template <class T>
struct unwrap {
    using type = T;
};
template <class T>
struct unwrap<std::optional<T>> {
    using type = typename unwrap<T>::type;
};
template <class T>
struct unwrap<std::vector<T>> {
    using type = typename unwrap<T>::type;
};

// Collects every described struct reachable from T's members.
template <class T>
void collect_objects(std::map<std::string, std::function<void(const Subsection&)>>& out) {
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) {
        using Member = std::remove_cvref_t<decltype(std::declval<T>().*m.pointer)>;
        using Unwrapped = typename unwrap<Member>::type;
        if constexpr (is_described_struct<Unwrapped>) {
            const std::string name(object_name(tag<Unwrapped>{}));
            if (out.emplace(name, &expect_field_table<Unwrapped>).second) {
                collect_objects<Unwrapped>(out);
            }
        }
    });
}

std::map<std::string, const Subsection*> subsections_of(std::string_view section_name) {
    std::map<std::string, const Subsection*> out;
    const Section* section = document().find(section_name);
    if (section == nullptr) {
        ADD_FAILURE() << "PROTOCOL.md has no section '## " << section_name << "'";
        return out;
    }
    for (const auto& sub : section->subsections) {
        const auto name = backticked(sub.heading);
        EXPECT_FALSE(name.empty()) << "heading '### " << sub.heading << "' in '## " << section_name
                                   << "' should be '### `name`'";
        if (name.empty())
            continue;
        EXPECT_TRUE(out.emplace(name, &sub).second) << "'" << name << "' documented twice";
    }
    return out;
}

template <class Variant>
void check_direction(std::string_view section_name,
                     const std::vector<std::string_view>& other_direction) {
    const auto documented = subsections_of(section_name);
    std::set<std::string> in_code;
    boost::mp11::mp_for_each<Variant>([&](auto m) {
        using Message = decltype(m);
        const std::string name(Message::type);
        in_code.insert(name);
        SCOPED_TRACE(name);
        const auto found = documented.find(name);
        if (found == documented.end()) {
            ADD_FAILURE() << "'" << name << "' needs a '### `" << name << "`' heading under '## "
                          << section_name << "'";
            return;
        }
        const Subsection& sub = *found->second;
        expect_field_table<Message>(sub);
        if constexpr (boost::mp11::mp_empty<members_of<Message>>::value) {
            EXPECT_TRUE(row_names(sub.lines).empty());
        }

        // Every example is a valid frame of this message, as the other side would decode it.
        EXPECT_FALSE(sub.json_examples.empty()) << "no ```json example";
        for (const auto& example : sub.json_examples) {
            SCOPED_TRACE(example);
            std::string_view got;
            if constexpr (std::is_same_v<Variant, ClientMessage>) {
                const auto decoded = decode_client_message(example);
                if (const auto* e = std::get_if<DecodeError>(&decoded)) {
                    ADD_FAILURE() << to_string(e->code) << " '" << e->field << "': " << e->message;
                    continue;
                }
                got = type_of(std::get<ClientMessage>(decoded));
            } else {
                const auto decoded = decode_server_message(example);
                if (const auto* e = std::get_if<DecodeError>(&decoded)) {
                    ADD_FAILURE() << to_string(e->code) << " '" << e->field << "': " << e->message;
                    continue;
                }
                got = type_of(std::get<ServerMessage>(decoded));
            }
            EXPECT_EQ(got, name);
        }
    });
    for (const auto& [name, sub] : documented) {
        EXPECT_TRUE(in_code.count(name) == 1)
            << "'### `" << name << "`' under '## " << section_name << "' is not a "
            << (std::count(other_direction.begin(), other_direction.end(), name) > 0
                    ? "message of this direction"
                    : "message type");
    }
}

// The "required" column of a subsection's field table: field name → "yes" or "no".
std::map<std::string, std::string> required_column(const Subsection& subsection) {
    std::map<std::string, std::string> out;
    std::size_t column = 0;  // found in the table's header row
    for (const auto& line : subsection.lines) {
        if (line.empty() || line.front() != '|')
            continue;
        std::vector<std::string> cells;
        std::stringstream cells_in(line.substr(1));
        std::string cell;
        while (std::getline(cells_in, cell, '|')) {
            const auto first = cell.find_first_not_of(' ');
            const auto last = cell.find_last_not_of(' ');
            cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
        }
        if (column == 0) {
            const auto found = std::find(cells.begin(), cells.end(), "required");
            if (found != cells.end())
                column = static_cast<std::size_t>(found - cells.begin());
            continue;
        }
        const auto name = backticked(cells.front());
        if (!name.empty() && column < cells.size())
            out[name] = cells[column];
    }
    return out;
}

using DecodeFn = std::function<std::optional<DecodeError>(const std::string&)>;

const Subsection* object_subsection(std::string_view name) {
    static const auto objects = subsections_of(objects_section);
    const auto found = objects.find(std::string(name));
    return found == objects.end() ? nullptr : found->second;
}

// Leaves each member of T out of the message `root` (and sends it as null), `here` being the
// JSON of a T inside it at `path`: the decoder accepts exactly the fields the document marks
// optional and refuses the others with missing_field naming them. Nested objects are probed
// the same way against their own tables.
template <class T>
void expect_presence_as_documented(boost::json::value& root, boost::json::object& here,
                                   const std::string& path, const Subsection& table,
                                   const DecodeFn& decode) {
    const auto required = required_column(table);
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) {
        using Member = std::remove_cvref_t<decltype(std::declval<T>().*m.pointer)>;
        using Unwrapped = typename unwrap<Member>::type;
        const std::string name(wire_name(m.name));
        const std::string field = path + name;
        SCOPED_TRACE(field);
        const auto documented = required.find(name);
        if (documented == required.end() ||
            (documented->second != "yes" && documented->second != "no")) {
            ADD_FAILURE() << "'" << field << "' needs 'yes' or 'no' in the required column";
            return;
        }
        const bool optional = documented->second == "no";
        ASSERT_TRUE(here.contains(name)) << "the sample leaves '" << field << "' out";
        const boost::json::value saved = here.at(name);
        for (const bool as_null : {false, true}) {
            if (as_null)
                here[name] = nullptr;
            else
                here.erase(name);
            const auto error = decode(boost::json::serialize(root));
            if (optional) {
                EXPECT_FALSE(error)
                    << (as_null ? "null" : "absent") << ": " << to_string(error->code) << " '"
                    << error->field << "': " << error->message;
            } else if (!error) {
                ADD_FAILURE() << (as_null ? "null" : "absent") << ": decoded, but it is required";
            } else {
                EXPECT_EQ(to_string(error->code), "missing_field");
                EXPECT_EQ(error->field, field);
            }
            here[name] = saved;
        }
        if constexpr (is_described_struct<Unwrapped>) {
            const Subsection* object = object_subsection(object_name(tag<Unwrapped>{}));
            ASSERT_NE(object, nullptr);
            boost::json::value& child = here[name];
            if (child.is_object()) {
                expect_presence_as_documented<Unwrapped>(root, child.get_object(), field + ".",
                                                         *object, decode);
            } else if (child.is_array() && !child.get_array().empty() &&
                       child.get_array()[0].is_object()) {
                expect_presence_as_documented<Unwrapped>(root, child.get_array()[0].get_object(),
                                                         field + "[0].", *object, decode);
            } else {
                ADD_FAILURE() << "the sample's '" << field << "' holds no object";
            }
        }
    });
}

template <class Variant>
void check_presence(std::string_view section_name, const DecodeFn& decode) {
    const auto documented = subsections_of(section_name);
    boost::mp11::mp_for_each<Variant>([&](auto m) {
        using Message = decltype(m);
        const std::string name(Message::type);
        SCOPED_TRACE(name);
        const auto found = documented.find(name);
        ASSERT_NE(found, documented.end());
        boost::json::value root =
            boost::json::parse(encode(Variant{testing::sample(tag<Message>{})}));
        expect_presence_as_documented<Message>(root, root.get_object(), "", *found->second, decode);
    });
}

template <class Variant>
std::optional<DecodeError> error_of(const Decoded<Variant>& decoded) {
    if (const auto* e = std::get_if<DecodeError>(&decoded))
        return *e;
    return std::nullopt;
}

TEST(ProtocolDoc, HasTheSections) {
    for (const std::string_view name :
         {std::string_view("Transport"), std::string_view("Limits"), client_section, server_section,
          objects_section, errors_section, std::string_view("Message order")}) {
        EXPECT_NE(document().find(name), nullptr) << "missing '## " << name << "'";
    }
}

TEST(ProtocolDoc, ClientMessages) {
    check_direction<ClientMessage>(client_section, server_message_types());
}

TEST(ProtocolDoc, ServerMessages) {
    check_direction<ServerMessage>(server_section, client_message_types());
}

// A client written from the document may leave out every field marked optional (and must send
// the others): the decoders agree with the "required" column, field by field, nested objects
// included.
TEST(ProtocolDoc, RequiredColumnMatchesTheClientDecoder) {
    check_presence<ClientMessage>(client_section, [](const std::string& frame) {
        return error_of(decode_client_message(frame));
    });
}

TEST(ProtocolDoc, RequiredColumnMatchesTheServerDecoder) {
    check_presence<ServerMessage>(server_section, [](const std::string& frame) {
        return error_of(decode_server_message(frame));
    });
}

TEST(ProtocolDoc, TypeListsMatchTheVariants) {
    // The same lists the server exposes at run time, checked against the headings.
    const auto client = subsections_of(client_section);
    const auto server = subsections_of(server_section);
    for (const auto name : client_message_types())
        EXPECT_TRUE(client.count(std::string(name)));
    for (const auto name : server_message_types())
        EXPECT_TRUE(server.count(std::string(name)));
    EXPECT_EQ(client.size(), client_message_types().size());
    EXPECT_EQ(server.size(), server_message_types().size());
}

TEST(ProtocolDoc, SharedObjects) {
    std::map<std::string, std::function<void(const Subsection&)>> objects;
    boost::mp11::mp_for_each<ClientMessage>([&](auto m) { collect_objects<decltype(m)>(objects); });
    boost::mp11::mp_for_each<ServerMessage>([&](auto m) { collect_objects<decltype(m)>(objects); });
    EXPECT_EQ(objects.size(), 11u);

    const auto documented = subsections_of(objects_section);
    for (const auto& [name, check] : objects) {
        SCOPED_TRACE(name);
        const auto found = documented.find(name);
        if (found == documented.end()) {
            ADD_FAILURE() << "needs '### `" << name << "`' under '## Objects'";
            continue;
        }
        check(*found->second);
    }
    for (const auto& [name, sub] : documented) {
        EXPECT_TRUE(objects.count(name)) << "'" << name << "' is not an object of the protocol";
    }
}

TEST(ProtocolDoc, ErrorCodeTable) {
    const Section* section = document().find(errors_section);
    ASSERT_NE(section, nullptr);
    const auto rows = row_names(section->lines);
    std::multiset<std::string> documented(rows.begin(), rows.end());
    for (const auto code : all_error_codes()) {
        const std::string name(to_string(code));
        EXPECT_EQ(documented.count(name), 1u) << "'" << name << "' needs one row";
    }
    for (const auto& row : documented) {
        EXPECT_TRUE(error_code_from_string(row).has_value()) << "'" << row << "' is not a code";
    }
    // Each row has the three columns filled: code, meaning, sent when.
    for (const auto& line : section->lines) {
        if (line.rfind("| `", 0) != 0)
            continue;
        std::vector<std::string> cells;
        std::stringstream cells_in(line.substr(1));
        std::string cell;
        while (std::getline(cells_in, cell, '|'))
            cells.push_back(cell);
        ASSERT_EQ(cells.size(), 3u) << line;
        for (const auto& c : cells) {
            EXPECT_NE(c.find_first_not_of(' '), std::string::npos) << "empty cell: " << line;
        }
    }
}

TEST(ProtocolDoc, LimitsAreStated) {
    const Section* section = document().find("Limits");
    ASSERT_NE(section, nullptr);
    std::string text;
    for (const auto& line : section->lines)
        text += line + "\n";
    for (const std::size_t limit :
         {max_json_depth, max_array_items, max_nickname_field_chars, max_nickname_chars,
          max_answer_chars, max_comment_chars, max_token_chars, max_label_chars, max_feedback_chars,
          max_default_chars}) {
        EXPECT_NE(text.find(std::to_string(limit)), std::string::npos) << limit;
    }
    EXPECT_NE(document().find("Transport"), nullptr);
}

}  // namespace
}  // namespace rapidfire::protocol
