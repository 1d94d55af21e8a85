#include <gtest/gtest.h>

#include "rapidfire/content/loader.hpp"
#include "test_files.hpp"

namespace rapidfire::content {
namespace {

using testing::load_error;
using testing::TempDir;

const std::filesystem::path data_dir = RAPIDFIRE_TEST_DATA_DIR;

TEST(LoadBank, ChoosesTheParserByExtension) {
    const auto markdown = load_bank(data_dir / "sample-bank.md");
    EXPECT_EQ(markdown.title, "Statistics Warm-up");
    ASSERT_EQ(markdown.questions.size(), 3u);
    EXPECT_EQ(markdown.questions[2].text, "What is the difference between P(A|B) and P(B|A)?");

    const auto csv = load_bank(data_dir / "sample-bank.csv");
    EXPECT_EQ(csv.title, "sample-bank");  // CSV has no title: the file's stem stands in
    ASSERT_EQ(csv.questions.size(), 3u);
    EXPECT_EQ(csv.questions[1].text, "What does a \"95%\" confidence interval mean?");
    EXPECT_EQ(csv.questions[2].answer,
              "Variance and standard deviation.\nAlso: the interquartile range.");

    EXPECT_EQ(load_bank(bundled_bank_path()).questions.size(), 20u);
}

TEST(LoadBank, ReadsTheImportedFormats) {
    // A .csv with Kahoot's header row is read as Kahoot's template.
    const auto kahoot = load_bank(data_dir / "sample-kahoot.csv");
    EXPECT_EQ(kahoot.title, "sample-kahoot");
    ASSERT_EQ(kahoot.questions.size(), 3u);
    EXPECT_EQ(kahoot.questions[0].id, "kahoot-1");
    EXPECT_EQ(kahoot.questions[0].answer, "Recall");
    EXPECT_EQ(kahoot.questions[1].choices, (std::vector<std::string>{"True", "False"}));
    EXPECT_EQ(kahoot.questions[2].correct_choices, (std::vector<int>{0, 1}));
    EXPECT_EQ(kahoot.questions[2].seconds, 30);

    const auto gift = load_bank(data_dir / "sample-bank.gift");
    EXPECT_EQ(gift.title, "sample-bank");
    ASSERT_EQ(gift.questions.size(), 4u);
    EXPECT_EQ(gift.questions[0].id, "Recall");
    EXPECT_EQ(gift.questions[0].topics, (std::vector<std::string>{"evaluation"}));
    EXPECT_EQ(gift.questions[1].text, "<b>Dropout</b> is a regularization technique.");
    EXPECT_EQ(gift.questions[1].feedback, "Yes: it keeps units from co-adapting.");
    EXPECT_EQ(gift.questions[2].topics, (std::vector<std::string>{"ensembles"}));
    EXPECT_EQ(gift.questions[2].answer, "Random forest / Gradient boosting");
    EXPECT_EQ(gift.questions[3].id, "gift-4");
    EXPECT_EQ(gift.questions[3].accepted.size(), 2u);

    const auto anki = load_bank(data_dir / "sample-anki.txt");
    EXPECT_EQ(anki.title, "ML Flash Cards");
    ASSERT_EQ(anki.questions.size(), 3u);
    EXPECT_EQ(anki.questions[1].text, "What does \"bias\" mean?");
    EXPECT_EQ(anki.questions[2].answer, "Bagging & boosting.");

    const auto quizlet = load_bank(data_dir / "sample-quizlet.tsv");
    EXPECT_EQ(quizlet.title, "sample-quizlet");
    ASSERT_EQ(quizlet.questions.size(), 3u);
    EXPECT_EQ(quizlet.questions[2].text, "\"F1\" score");
}

TEST(LoadBank, SpreadsheetsAskForCsv) {
    const TempDir dir;
    const auto path = dir.write("quiz.xlsx", "PK\x03\x04");
    const auto error = load_error([&] { load_bank(path); });
    EXPECT_EQ(error.line(), 0);
    EXPECT_NE(std::string(error.what()).find("save the sheet as CSV"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("File > Download"), std::string::npos);
}

TEST(LoadBank, KahootErrorsNameTheCell) {
    const auto path = data_dir / "sample-kahoot.csv";
    auto text = testing::read_text(path);
    text.replace(text.find(",30,"), 4, ",45,");
    const TempDir dir;
    const auto error = load_error([&] { load_bank(dir.write("quiz.csv", text)); });
    EXPECT_EQ(error.line(), 9);
    EXPECT_EQ(error.column(), 84);
    EXPECT_EQ(error.field(), "time limit");
}

TEST(LoadBank, ExtensionIsCaseInsensitive) {
    const TempDir dir;
    const auto path = dir.write("Upper.CSV", "Q?,A.\n");
    const auto bank = load_bank(path);
    EXPECT_EQ(bank.title, "Upper");
    EXPECT_EQ(bank.questions.size(), 1u);
}

TEST(LoadBank, ErrorsNameTheFileAsGiven) {
    const TempDir dir;
    const auto path = dir.write("bank.csv", "Q1,A1\nQ2,\n");
    const auto error = load_error([&] { load_bank(path); });
    EXPECT_EQ(error.file(), path.string());
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(std::string(error.what()), path.string() + ":2:4: answer: empty answer");
}

TEST(LoadBank, UnknownExtension) {
    const TempDir dir;
    const auto path = dir.write("bank.text", "Q?,A.\n");
    const auto error = load_error([&] { load_bank(path); });
    EXPECT_EQ(error.file(), path.string());
    EXPECT_EQ(error.line(), 0);
    EXPECT_EQ(std::string(error.what()),
              path.string() +
                  ": unknown bank format ('.text'): use .json, .md, .csv, .gift, "
                  ".txt or .tsv");
    EXPECT_NE(std::string(load_error([&] { load_bank(dir.write("bank", "")); }).what())
                  .find("no extension"),
              std::string::npos);
}

TEST(LoadBank, MissingFileOrDirectory) {
    const TempDir dir;
    EXPECT_EQ(std::string(load_error([&] { load_bank(dir.path() / "none.json"); }).what()),
              (dir.path() / "none.json").string() + ": cannot read the file: it does not exist");
    std::filesystem::create_directory(dir.path() / "folder.json");
    EXPECT_NE(std::string(load_error([&] { load_bank(dir.path() / "folder.json"); }).what())
                  .find("not a regular file"),
              std::string::npos);
}

TEST(LoadBank, NotUtf8) {
    const TempDir dir;
    const auto path = dir.write("latin1.md", "| Question | Answer |\n|---|---|\n| Caf\xE9 | A |\n");
    EXPECT_EQ(std::string(load_error([&] { load_bank(path); }).what()),
              path.string() + ":3:6: the file is not valid UTF-8");
}

TEST(LoadBanks, MergesAndRenamesClashingIds) {
    const TempDir dir;
    const auto first = dir.write("first.csv", "Q1,A1\nQ2,A2\n");
    const auto second = dir.write("second.md",
                                  "# Second\n| # | Question | Answer |\n|---|---|---|\n"
                                  "| 2 | S2 | B2 |\n| 9 | S9 | B9 |\n");
    const auto bank = load_banks({first, second, data_dir / "sample-bank.md"});
    EXPECT_EQ(bank.title, "first + Second + Statistics Warm-up");
    ASSERT_EQ(bank.questions.size(), 7u);
    EXPECT_EQ(bank.questions[0].id, "1");
    EXPECT_EQ(bank.questions[1].id, "2");
    EXPECT_EQ(bank.questions[2].id, "second-2");  // clashed with first.csv's "2"
    EXPECT_EQ(bank.questions[2].text, "S2");
    EXPECT_EQ(bank.questions[3].id, "9");
    EXPECT_EQ(bank.questions[4].id, "st-1");
}

TEST(LoadBanks, OneBankIsLoadedAsIs) {
    const auto bank = load_banks({bundled_bank_path()});
    EXPECT_EQ(bank.title, "Rapid Fire Q&A & Tips");
    EXPECT_EQ(bank.source, "Lilly Tech Systems");
    EXPECT_EQ(bank.questions.size(), 20u);
}

TEST(LoadBanks, ClashAfterRenamingIsAnError) {
    const TempDir dir;
    const auto bank = dir.write("b.csv", "Q1,A1\n");
    const auto error = load_error([&] { load_banks({bank, bank, bank}); });
    EXPECT_EQ(error.file(), bank.string());
    EXPECT_EQ(error.field(), "id");
    EXPECT_NE(std::string(error.what()).find("'b-1'"), std::string::npos) << error.what();
}

TEST(LoadBanks, NoBanks) {
    EXPECT_STREQ(load_error([] { load_banks({}); }).what(), "no bank files given");
}

TEST(LoadStudyGuide, ReadsTheBundledGuide) {
    EXPECT_EQ(load_study_guide(bundled_guide_path()).tips.size(), 7u);
    const TempDir dir;
    const auto path = dir.write("guide.json", R"({"title": 3})");
    EXPECT_EQ(std::string(load_error([&] { load_study_guide(path); }).what()),
              path.string() + ": title: expected a string, got a number");
}

TEST(LoadError, FormatsLikeACompiler) {
    const LoadError full("bank.csv", 7, "answer", "empty answer");
    EXPECT_STREQ(full.what(), "bank.csv:7: answer: empty answer");
    EXPECT_EQ(full.file(), "bank.csv");
    EXPECT_EQ(full.line(), 7);
    EXPECT_EQ(full.field(), "answer");
    EXPECT_STREQ(LoadError("bank.json", 0, "questions[3].answer", "expected a string").what(),
                 "bank.json: questions[3].answer: expected a string");
    EXPECT_STREQ(LoadError("bank.md", 2, "", "no rows").what(), "bank.md:2: no rows");
    EXPECT_EQ(full.column(), 0);
    const LoadError cell("quiz.csv", 9, 13, "time limit", "'45' is not one of Kahoot's");
    EXPECT_STREQ(cell.what(), "quiz.csv:9:13: time limit: '45' is not one of Kahoot's");
    EXPECT_EQ(cell.line(), 9);
    EXPECT_EQ(cell.column(), 13);
    EXPECT_STREQ(LoadError("quiz.gift", 3, 5, "", "never closed").what(),
                 "quiz.gift:3:5: never closed");
    // A column without a line means nothing.
    EXPECT_STREQ(LoadError("bank.json", 0, 7, "title", "empty").what(), "bank.json: title: empty");
}

}  // namespace
}  // namespace rapidfire::content
