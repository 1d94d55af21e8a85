// rapidfire-server --check-bank FILE: loads the file as --bank would and says what it read, or
// where it is wrong, without starting a server.

#include <gtest/gtest.h>

#include "process.hpp"

namespace rapidfire::e2e {
namespace {

const std::string data_dir = RAPIDFIRE_TEST_DATA_DIR;

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

Run check_bank(const std::string& file) {
    auto p = Process::start(RAPIDFIRE_SERVER_BIN, {"--check-bank", file});
    const auto code = p->wait_exit();
    p->wait_for_output(std::string(1, '\0'), 2s);  // what is left of stdout
    return {code.value_or(-1), p->output(), p->errors()};
}

TEST(CheckBank, DescribesAGoodBankAndPointsAtABadOne) {
    const auto good = check_bank(data_dir + "/sample-bank.gift");
    EXPECT_EQ(good.code, 0) << good.err;
    EXPECT_EQ(good.err, "");
    EXPECT_NE(good.out.find("sample-bank: 4 questions from " + data_dir + "/sample-bank.gift\n"),
              std::string::npos)
        << good.out;
    EXPECT_NE(good.out.find("1. Recall [evaluation] Which metric is the share of actual "
                            "positives a model finds?\n"
                            "   choices: ( ) Precision / (x) Recall / ( ) Accuracy; feedback: "
                            "Right: found positives over all actua...\n"),
              std::string::npos)
        << good.out;
    // Right by weight, and the general feedback.
    EXPECT_NE(good.out.find("   choices: (x) Random forest / (x) Gradient boosting / ( ) k-means; "
                            "feedback: Both combine many weak learners.\n"),
              std::string::npos)
        << good.out;
    EXPECT_NE(good.out.find("4. gift-4 [ensembles] What does PCA stand for?\n"
                            "   answer: Principal component analysis; also accepted: Principal "
                            "components analysis, PCA\n"),
              std::string::npos)
        << good.out;
    // Kahoot's time limits show.
    const auto kahoot = check_bank(data_dir + "/sample-kahoot.csv");
    EXPECT_EQ(kahoot.code, 0) << kahoot.err;
    EXPECT_NE(kahoot.out.find("(x) True / ( ) False; 10 s\n"), std::string::npos) << kahoot.out;

    const auto bad = check_bank(data_dir + "/bad-bank.gift");
    EXPECT_EQ(bad.code, 1);
    EXPECT_EQ(bad.out, "");
    EXPECT_EQ(bad.err, data_dir +
                           "/bad-bank.gift:4:12: a matching question (->) is not played: the "
                           "game asks one question at a time\n");

    const auto missing = check_bank(data_dir + "/no-such-bank.json");
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("cannot read the file: it does not exist"), std::string::npos);
}

}  // namespace
}  // namespace rapidfire::e2e
