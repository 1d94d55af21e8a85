#include "postgres_url.hpp"

#include <memory>
#include <optional>

#include <libpq-fe.h>

#include "rapidfire/store/store.hpp"

namespace rapidfire::store {

namespace {

using Options = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

// libpq's own reading of the URL (percent-decoding, query parameters), or why it has none.
Options parse(std::string_view url, std::string& error) {
    char* message = nullptr;
    Options options(PQconninfoParse(std::string(url).c_str(), &message), &PQconninfoFree);
    if (!options) {
        error = message != nullptr ? message : "out of memory";
        PQfreemem(message);
        while (!error.empty() && (error.back() == '\n' || error.back() == ' '))
            error.pop_back();
    }
    return options;
}

std::optional<std::string> value_of(const Options& options, std::string_view keyword) {
    for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
        if (keyword == option->keyword && option->val != nullptr && option->val[0] != '\0')
            return std::string(option->val);
    }
    return std::nullopt;
}

}  // namespace

bool is_postgresql_url(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::optional<std::string> postgresql_url_problem(std::string_view url) {
    if (!is_postgresql_url(url))
        return "a database URL starts with postgresql:// or postgres://";
    std::string error;
    const auto options = parse(url, error);
    if (!options)
        return "the database URL cannot be read: " + error;
    if (value_of(options, "password")) {
        // A password on the command line shows in the process list and in the shell's history.
        return "the database URL carries a password: leave it out and give it in the "
               "PGPASSWORD environment variable or a password file (PGPASSFILE, mode 0600)";
    }
    return std::nullopt;
}

namespace detail {

std::string describe_postgresql_url(std::string_view url) {
    std::string error;
    const auto options = parse(url, error);
    if (!options)
        return "postgresql://(unreadable URL)";
    std::string out = "postgresql://";
    if (const auto user = value_of(options, "user"))
        out += *user + "@";
    out += value_of(options, "host").value_or("");
    if (const auto port = value_of(options, "port"))
        out += ":" + *port;
    out += "/" + value_of(options, "dbname").value_or("");
    return out;
}

}  // namespace detail

}  // namespace rapidfire::store
