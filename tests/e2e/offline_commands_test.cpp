// tips, faq, checklist and bank print the bundled material word for word, with no server.

#include "e2e_fixture.hpp"
#include "rapidfire/content/loader.hpp"

namespace rapidfire::e2e {
namespace {

std::string run(const std::vector<std::string>& args) {
    auto p = Process::start(RAPIDFIRE_CLIENT_BIN, args);
    const auto code = p->wait_exit();
    EXPECT_EQ(code, 0) << p->transcript();
    return p->output();
}

TEST(OfflineCommands, PrintTheGuideAndTheBankVerbatim) {
    const auto guide = content::load_study_guide(content::bundled_guide_path());
    const std::string tips = run({"tips"});
    for (const auto& tip : guide.tips) {
        EXPECT_NE(tips.find(tip.title + "\n" + tip.text + "\n"), std::string::npos) << tip.id;
    }
    const std::string faq = run({"faq"});
    for (const auto& entry : guide.faq) {
        EXPECT_NE(faq.find(entry.question), std::string::npos);
        EXPECT_NE(faq.find(entry.answer), std::string::npos);
    }
    const std::string checklist = run({"checklist"});
    for (const auto& item : guide.checklist) {
        EXPECT_NE(checklist.find(item.area + ": " + item.text), std::string::npos);
    }
    const auto bank = content::load_bank(content::bundled_bank_path());
    const std::string evaluation = run({"bank", "--topic", "evaluation"});
    for (const auto& q : bank.questions) {
        const bool on_topic =
            std::find(q.topics.begin(), q.topics.end(), "evaluation") != q.topics.end();
        EXPECT_EQ(evaluation.find(q.answer) != std::string::npos, on_topic) << q.id;
    }
}

}  // namespace
}  // namespace rapidfire::e2e
