// The browser client over HTTP: its files from a scratch web folder (content types, ETag and
// 304, HEAD, the security headers), every way of reaching outside the folder, over-long
// targets, the QR code and the join link of a room (with and without --public-url), and which
// browser origins may open /ws.

#include <gtest/gtest.h>

#include <qrencode.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/parse.hpp>

#include "rapidfire/server/command_line.hpp"
#include "scratch_dir.hpp"
#include "test_server.hpp"
#include "tls_client.hpp"

namespace rapidfire::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
constexpr const char* secret = "outside-the-web-folder";

struct Reply {
    int status = 0;                              // 0: the server closed without an answer
    std::map<std::string, std::string> headers;  // names lowercase
    std::string body;
    std::string raw;

    std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

// What the server sent for one request written byte for byte (so targets no client library
// would send reach it as they are), read until the server closes, or with `headers_only` until
// the end of the answer's headers (an opened WebSocket stays open).
Reply send_raw(std::uint16_t port, const std::string& request, bool headers_only = false) {
    RawConnection connection(port);
    connection.write(request);
    const auto deadline = Clock::now() + default_timeout;
    while (!connection.wait_closed(20ms) && Clock::now() < deadline) {
        if (headers_only && connection.received().find("\r\n\r\n") != std::string::npos)
            break;
    }
    Reply reply;
    reply.raw = connection.received();
    const auto end = reply.raw.find("\r\n\r\n");
    if (reply.raw.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos)
        return reply;
    reply.status = std::stoi(reply.raw.substr(9, 3));
    std::istringstream lines(reply.raw.substr(0, end));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        auto value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        reply.headers[name] = value;
    }
    reply.body = reply.raw.substr(end + 4);
    return reply;
}

Reply request(std::uint16_t port, const std::string& method, const std::string& target,
              const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    std::string text = method + " " + target + " HTTP/1.1\r\n";
    bool has_host = false;
    for (const auto& [name, value] : headers) {
        has_host = has_host || name == "Host";
        text += name + ": " + value + "\r\n";
    }
    if (!has_host)
        text += "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
    text += "Connection: close\r\n\r\n";
    return send_raw(port, text);
}

Reply get(std::uint16_t port, const std::string& target,
          const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return request(port, "GET", target, headers);
}

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

// A web folder with one file of each kind, a hidden file, and links inside and out; beside it a
// folder with a secret that no request may read.
class WebFolder : public ::testing::Test {
  protected:
    WebFolder() {
        write_file(web() / "index.html", "<!doctype html><title>rapidfire</title>");
        write_file(web() / "style.css", "body { color: black; }");
        write_file(web() / "js" / "app.js", "export const app = 1;\n");
        write_file(web() / "img" / "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write_file(web() / "img" / "icon.png", std::string("\x89PNG\r\n\x1a\n", 8));
        write_file(web() / "favicon.ico", std::string("\0\0\1\0", 4));
        write_file(web() / "data.json", "{\"a\":1}");
        write_file(web() / "notes.txt", "notes");
        write_file(web() / ".secret", secret);
        write_file(web() / ".git" / "config", secret);
        write_file(outside() / "secret.txt", secret);
        fs::create_symlink(outside() / "secret.txt", web() / "leak.txt");
        fs::create_directory_symlink(outside(), web() / "linked");
        fs::create_symlink(web() / "style.css", web() / "same.css");
        auto options = test_options();
        options.web_dir = web();
        server_ = std::make_unique<TestServer>(options);
    }

    fs::path web() const { return scratch_.path() / "web"; }
    fs::path outside() const { return scratch_.path() / "outside"; }
    std::uint16_t port() const { return server_->port(); }

    ScratchDir scratch_{"web"};
    std::unique_ptr<TestServer> server_;
};

TEST_F(WebFolder, TheRootAndJoinLinksServeTheIndexPage) {
    for (const char* target : {"/", "/index.html", "/join/K7M2QX", "/?room=K7M2QX"}) {
        const auto reply = get(port(), target);
        EXPECT_EQ(reply.status, 200) << target;
        EXPECT_EQ(reply.header("content-type"), "text/html; charset=utf-8") << target;
        EXPECT_EQ(reply.body, "<!doctype html><title>rapidfire</title>") << target;
    }
}

TEST_F(WebFolder, EachKindOfFileHasItsContentType) {
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"/style.css", "text/css; charset=utf-8"},
        {"/js/app.js", "text/javascript; charset=utf-8"},
        {"/img/logo.svg", "image/svg+xml"},
        {"/img/icon.png", "image/png"},
        {"/favicon.ico", "image/x-icon"},
        {"/data.json", "application/json"},
        {"/notes.txt", "text/plain; charset=utf-8"},
        {"/same.css", "text/css; charset=utf-8"},  // a link to a file inside the folder
    };
    for (const auto& [target, type] : expected) {
        const auto reply = get(port(), target);
        EXPECT_EQ(reply.status, 200) << target;
        EXPECT_EQ(reply.header("content-type"), type) << target;
    }
    EXPECT_EQ(get(port(), "/js/app.js").body, "export const app = 1;\n");
    EXPECT_EQ(get(port(), "/img/icon.png").body, std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST_F(WebFolder, EveryAnswerCarriesTheSecurityHeaders) {
    for (const char* target :
         {"/", "/style.css", "/js/app.js", "/missing.js", "/qr.svg?room=K7M2QX", "/healthz"}) {
        const auto reply = get(port(), target);
        EXPECT_EQ(reply.header("content-security-policy"), csp) << target;
        EXPECT_EQ(reply.header("x-content-type-options"), "nosniff") << target;
        EXPECT_EQ(reply.header("referrer-policy"), "no-referrer") << target;
    }
    EXPECT_EQ(get(port(), "/").header("cache-control"), "no-cache");
    EXPECT_EQ(get(port(), "/js/app.js").header("cache-control"), "no-cache");
}

TEST_F(WebFolder, AMatchingIfNoneMatchGets304) {
    const auto first = get(port(), "/js/app.js");
    const auto etag = first.header("etag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(etag.front(), '"');
    EXPECT_EQ(get(port(), "/js/app.js").header("etag"), etag);  // stable
    EXPECT_NE(get(port(), "/style.css").header("etag"), etag);
    for (const std::string& tags : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
        const auto again = get(port(), "/js/app.js", {{"If-None-Match", tags}});
        EXPECT_EQ(again.status, 304) << tags;
        EXPECT_EQ(again.body, "") << tags;
        EXPECT_EQ(again.header("etag"), etag) << tags;
        EXPECT_EQ(again.header("cache-control"), "no-cache") << tags;
    }
    const auto changed = get(port(), "/js/app.js", {{"If-None-Match", "\"other\""}});
    EXPECT_EQ(changed.status, 200);
    EXPECT_EQ(changed.body, "export const app = 1;\n");
}

TEST_F(WebFolder, HeadHasTheHeadersOfGetAndNoBody) {
    for (const char* target : {"/", "/style.css", "/qr.svg?room=K7M2QX", "/missing.css"}) {
        const auto full = get(port(), target);
        const auto head = request(port(), "HEAD", target);
        EXPECT_EQ(head.status, full.status) << target;
        EXPECT_EQ(head.body, "") << target;
        EXPECT_FALSE(full.body.empty()) << target;
        for (const char* name : {"content-type", "content-length", "etag", "cache-control",
                                 "content-security-policy"}) {
            EXPECT_EQ(head.header(name), full.header(name)) << target << " " << name;
        }
        EXPECT_EQ(head.header("content-length"), std::to_string(full.body.size())) << target;
    }
}

TEST_F(WebFolder, MissingAndHiddenFilesAre404) {
    for (const char* target : {"/missing.js", "/js/", "/js", "/.secret", "/.git/config", "/join/",
                               "/join/K7M2QX/x", "/img/logo.svg/"}) {
        const auto reply = get(port(), target);
        EXPECT_EQ(reply.status, 404) << target;
        EXPECT_EQ(reply.body.find(secret), std::string::npos) << target;
    }
    // Other routes are unchanged.
    EXPECT_EQ(get(port(), "/healthz").status, 200);
    EXPECT_EQ(get(port(), "/ws").status, 426);
    EXPECT_EQ(get(port(), "/api/nothing").status, 404);
    EXPECT_EQ(request(port(), "POST", "/").status, 404);
}

TEST_F(WebFolder, NoRequestReadsOutsideTheFolder) {
    const std::vector<std::pair<std::string, int>> attempts = {
        {"/../CMakeLists.txt", 404},
        {"/../outside/secret.txt", 404},
        {"/%2e%2e/outside/secret.txt", 404},
        {"/%2E%2E/outside/secret.txt", 404},
        {"/%2E%2E%2Foutside%2Fsecret.txt", 404},
        {"/js/..%2f..%2foutside%2fsecret.txt", 404},
        {"/js/%2e%2e/%2e%2e/outside/secret.txt", 404},
        {"/%5c..%5coutside%5csecret.txt", 404},
        {"/..\\outside\\secret.txt", 404},
        {"/js\\..\\style.css", 404},
        {"//etc/passwd", 404},
        {"//" + (scratch_.path() / "outside" / "secret.txt").generic_string(), 404},
        {"/./style.css", 404},
        {"/leak.txt", 404},           // a link to a file outside
        {"/linked/secret.txt", 404},  // a link to a folder outside
        {"/style.css%00", 400},
        {"/%00", 400},
        {"/%zz", 400},
        {"/%2", 400},
        {"/notes.txt%0a", 400},
        {"http://127.0.0.1/style.css", 400},
        {"*", 400},
    };
    for (const auto& [target, status] : attempts) {
        const auto reply = get(port(), target);
        EXPECT_EQ(reply.status, status) << target << "\n" << reply.raw;
        EXPECT_EQ(reply.body.find(secret), std::string::npos) << target;
    }
    // The same files by their plain names are there: the refusals above are not for want of them.
    EXPECT_EQ(get(port(), "/style.css").status, 200);
}

TEST_F(WebFolder, OverLongPathsAndQueriesGet414) {
    EXPECT_EQ(get(port(), "/" + std::string(1100, 'a')).status, 414);
    EXPECT_EQ(get(port(), "/style.css?" + std::string(1100, 'a')).status, 414);
    EXPECT_EQ(get(port(), "/qr.svg?room=K7M2QX&x=" + std::string(1100, 'a')).status, 414);
    EXPECT_EQ(get(port(), "/" + std::string(1000, 'a')).status, 404);  // under the limit
}

// The dark modules of the QR code libqrencode makes of `text`, in the SVG's coordinates (a
// quiet zone of 4), and the SVG's side.
std::pair<std::set<std::pair<int, int>>, int> expected_modules(const std::string& text) {
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code == nullptr)
        throw std::runtime_error("libqrencode failed");
    std::set<std::pair<int, int>> dark;
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if ((code->data[y * code->width + x] & 1) != 0)
                dark.emplace(x + 4, y + 4);
        }
    }
    const int side = code->width + 8;
    QRcode_free(code);
    return {dark, side};
}

// The modules an SVG of ours paints: one "Mx yhNv1h-Nz" per run.
std::set<std::pair<int, int>> painted_modules(const std::string& svg) {
    std::set<std::pair<int, int>> dark;
    const auto start = svg.find(" d=\"");
    if (start == std::string::npos)
        return dark;
    std::istringstream path(svg.substr(start + 4, svg.find('"', start + 4) - start - 4));
    char m = 0;
    char h = 0;
    int x = 0;
    int y = 0;
    int run = 0;
    std::string rest;
    while (path >> m >> x >> y >> h >> run && m == 'M' && h == 'h') {
        for (int i = 0; i < run; ++i)
            dark.emplace(x + i, y);
        std::getline(path, rest, 'z');
    }
    return dark;
}

TEST_F(WebFolder, TheQrCodeEncodesTheJoinLinkOfTheHostAskedFor) {
    const std::string host = "127.0.0.1:" + std::to_string(port());
    const auto reply = get(port(), "/qr.svg?room=K7M2QX");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("content-type"), "image/svg+xml");
    const auto& svg = reply.body;
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u) << svg;
    EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
    EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
    EXPECT_EQ(std::count(svg.begin(), svg.end(), '<'), 4);  // svg, rect, path, /svg
    EXPECT_EQ(std::count(svg.begin(), svg.end(), '"') % 2, 0);

    const auto [dark, side] = expected_modules("http://" + host + "/join/K7M2QX");
    const std::string box = std::to_string(side);
    EXPECT_NE(svg.find("viewBox=\"0 0 " + box + " " + box + "\""), std::string::npos) << svg;
    EXPECT_EQ(painted_modules(svg), dark);
    // Another link is another picture: the comparison can tell them apart.
    EXPECT_NE(painted_modules(svg), expected_modules("http://" + host + "/join/K7M2QY").first);

    const auto other = get(port(), "/qr.svg?room=K7M2QX", {{"Host", "Quiz.Example:8080"}});
    ASSERT_EQ(other.status, 200);
    EXPECT_EQ(painted_modules(other.body),
              expected_modules("http://quiz.example:8080/join/K7M2QX").first);
}

TEST_F(WebFolder, TheJoinLinkIsAlsoGivenAsText) {
    const auto reply = get(port(), "/api/join-link?room=K7M2QX");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("content-type"), "application/json");
    const auto json = boost::json::parse(reply.body).as_object();
    EXPECT_EQ(json.at("url").as_string(),
              "http://127.0.0.1:" + std::to_string(port()) + "/join/K7M2QX");
    EXPECT_EQ(json.at("qr").as_string(), "/qr.svg?room=K7M2QX");
    // The scheme's default port is left out, like a browser's address bar.
    const auto plain = get(port(), "/api/join-link?room=K7M2QX", {{"Host", "quiz.example:80"}});
    EXPECT_EQ(boost::json::parse(plain.body).at("url").as_string(),
              "http://quiz.example/join/K7M2QX");
    // A code of one of several servers (--node-id) is a character longer.
    const auto node = get(port(), "/api/join-link?room=BK7M2QX", {{"Host", "quiz.example"}});
    EXPECT_EQ(boost::json::parse(node.body).at("url").as_string(),
              "http://quiz.example/join/BK7M2QX");
}

TEST_F(WebFolder, BadRoomCodesAndHostsGet400) {
    for (const char* query : {"", "?room=", "?code=K7M2QX", "?room=k7m2qx", "?room=K7M2Q",
                              "?room=K7M2QXXX", "?room=K7M2Q0", "?room=K7M2QI", "?room=K7M2Q%00",
                              "?room=K7M2Q%2F", "?room=%3Cscript%3E", "?room=K7M2Q%zz"}) {
        for (const char* path : {"/qr.svg", "/api/join-link"}) {
            const auto reply = get(port(), std::string(path) + query);
            EXPECT_EQ(reply.status, 400) << path << query;
            EXPECT_EQ(reply.header("content-type"), "application/json") << path << query;
        }
    }
    for (const char* host : {"evil.example/x", "a b", "quiz.example:", "quiz.example:99999",
                             "user@quiz.example", "[::1", "quiz.example?x", "\"quiz\""}) {
        const auto reply = get(port(), "/qr.svg?room=K7M2QX", {{"Host", host}});
        EXPECT_EQ(reply.status, 400) << host;
    }
    EXPECT_EQ(get(port(), "/qr.svg?room=K7M2QX", {{"Host", "[::1]:8080"}}).status, 200);
}

// A WebSocket upgrade written byte for byte, with this Host and Origin: the status it gets.
int upgrade_status(std::uint16_t port, const std::string& host, const std::string& origin) {
    std::string text = "GET /ws HTTP/1.1\r\nHost: " + host +
                       "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                       "Sec-WebSocket-Version: 13\r\n";
    if (!origin.empty())
        text += "Origin: " + origin + "\r\n";
    text += "\r\n";
    return send_raw(port, text, true).status;
}

TEST(WebOrigins, ThePagesOwnOriginOpensTheWebSocketAndAnotherDoesNot) {
    TestServer server;  // no --allowed-origin, no --public-url
    const std::string host = "127.0.0.1:" + std::to_string(server.port());
    EXPECT_EQ(upgrade_status(server.port(), host, "http://" + host), 101);
    EXPECT_EQ(upgrade_status(server.port(), "quiz.example", "http://quiz.example"), 101);
    EXPECT_EQ(upgrade_status(server.port(), "Quiz.Example:80", "http://quiz.example"), 101);
    EXPECT_EQ(upgrade_status(server.port(), host, ""), 101);  // not a browser
    for (const std::string& foreign :
         {std::string("https://evil.example"), "https://" + host, std::string("http://127.0.0.1"),
          "http://" + host + "/", "http://localhost:" + std::to_string(server.port()),
          std::string("null")}) {
        EXPECT_EQ(upgrade_status(server.port(), host, foreign), 403) << foreign;
    }
    // A Host that is no host[:port] is no page's origin.
    EXPECT_EQ(upgrade_status(server.port(), "evil.example/x", "http://evil.example/x"), 403);
}

TEST(WebOrigins, ThePublicUrlIsUsedInLinksAndItsOriginOpensTheWebSocket) {
    auto options = test_options();
    options.public_url = "https://Quiz.Example:443/rapidfire/";
    TestServer server(options);
    const auto reply = get(server.port(), "/api/join-link?room=K7M2QX");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(boost::json::parse(reply.body).at("url").as_string(),
              "https://quiz.example/rapidfire/join/K7M2QX");
    const auto qr = get(server.port(), "/qr.svg?room=K7M2QX", {{"Host", "10.0.0.5:8080"}});
    EXPECT_EQ(painted_modules(qr.body),
              expected_modules("https://quiz.example/rapidfire/join/K7M2QX").first);
    // Without a valid Host too: the public URL does not need it.
    EXPECT_EQ(get(server.port(), "/qr.svg?room=K7M2QX", {{"Host", "a b"}}).status, 200);

    const std::string host = "127.0.0.1:" + std::to_string(server.port());
    EXPECT_EQ(upgrade_status(server.port(), host, "https://quiz.example"), 101);
    EXPECT_EQ(upgrade_status(server.port(), host, "http://" + host), 101);
    EXPECT_EQ(upgrade_status(server.port(), host, "http://quiz.example"), 403);
    EXPECT_EQ(upgrade_status(server.port(), host, "https://evil.example"), 403);
}

TEST(WebOrigins, PublicUrlOnTheCommandLineIsChecked) {
    auto parse = [](std::vector<const char*> args) {
        args.insert(args.begin(), "rapidfire-server");
        std::ostringstream out;
        std::ostringstream err;
        return server::parse_command_line(static_cast<int>(args.size()), args.data(), out, err);
    };
    for (const char* good : {"http://10.0.0.5:8080", "https://quiz.example/rf/",
                             "http://[::1]:8080", "HTTPS://QUIZ.EXAMPLE"}) {
        const auto parsed = parse({"--public-url", good});
        ASSERT_TRUE(parsed.options.has_value()) << good;
        EXPECT_EQ(parsed.options->public_url, good);
    }
    for (const char* bad :
         {"quiz.example", "ftp://quiz.example", "http://", "http://quiz.example?x=1",
          "http://quiz.example/#top", "http://user@quiz.example", "http://quiz.example/a/../b",
          "http://quiz.example:0", "http://quiz example", "http://quiz.example//x"}) {
        const auto parsed = parse({"--public-url", bad});
        EXPECT_FALSE(parsed.options.has_value()) << bad;
        EXPECT_EQ(parsed.exit_code, 2) << bad;
    }
    EXPECT_TRUE(parse({}).options->public_url.empty());
}

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Without a web folder in the options, a built server serves the source tree's client/web.
TEST(WebBundled, ABuiltServerServesTheSourceTreesClientWeb) {
    if (std::getenv("RAPIDFIRE_WEB_DIR") != nullptr)
        GTEST_SKIP() << "RAPIDFIRE_WEB_DIR is set";
    const fs::path index = fs::path(RAPIDFIRE_SOURCE_WEB_DIR) / "index.html";
    if (!fs::exists(index))
        GTEST_SKIP() << "no client/web/index.html in this tree";
    TestServer server;
    const auto reply = get(server.port(), "/");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body, file_text(index));
}

// $RAPIDFIRE_WEB_DIR moves the folder (an installed or relocated server).
TEST(WebBundled, TheEnvironmentMovesTheWebFolder) {
    ScratchDir moved("web-moved");
    write_file(moved.path() / "index.html", "<!doctype html><title>moved</title>");
    const char* before = std::getenv("RAPIDFIRE_WEB_DIR");
    const std::optional<std::string> saved =
        before == nullptr ? std::nullopt : std::optional<std::string>(before);
    ::setenv("RAPIDFIRE_WEB_DIR", moved.path().c_str(), 1);
    std::string body;
    {
        TestServer server;
        body = get(server.port(), "/").body;
    }
    if (saved)
        ::setenv("RAPIDFIRE_WEB_DIR", saved->c_str(), 1);
    else
        ::unsetenv("RAPIDFIRE_WEB_DIR");
    EXPECT_EQ(body, "<!doctype html><title>moved</title>");
}

TEST(WebTls, OverTlsTheJoinLinkIsHttps) {
    TestTls tls;
    TestServer server(tls.server_options());
    const auto reply = tls.https_get(server.port(), "/api/join-link?room=K7M2QX");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(boost::json::parse(reply.body).at("url").as_string(),
              "https://127.0.0.1/join/K7M2QX");
}

}  // namespace
}  // namespace rapidfire::test
