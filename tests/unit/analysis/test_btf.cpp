#include <gtest/gtest.h>

#include "analysis/btf.h"
#include "btf_builder.h"
#include "elf_builder.h"

namespace killswitch::analysis {
namespace {

using testing::BaseIds;
using testing::raw_btf;

class BtfTest : public ::testing::Test {
protected:
  void SetUp() override {
    writer_ = testing::vmlinux_btf(&ids_);
    raw_ = raw_btf(writer_.get());
    auto btf = Btf::parse(raw_, nullptr, "vmlinux");
    ASSERT_TRUE(btf) << btf.error().message;
    btf_.emplace(std::move(btf.value()));
  }

  ReturnType type_of(const std::string& name) {
    auto type = find_return_type(*btf_, name);
    if (!type)
      ADD_FAILURE() << "no " << name;
    return type.value_or(ReturnType{});
  }

  testing::BtfPtr writer_;
  BaseIds ids_{};
  std::string raw_;
  std::optional<Btf> btf_;
};

TEST_F(BtfTest, Void) {
  const auto t = type_of("f_void");
  EXPECT_EQ(t.type_class, TypeClass::void_type);
  EXPECT_EQ(t.spelling, "void");
  EXPECT_EQ(t.size, 0u);
}

TEST_F(BtfTest, SignedAndUnsignedInt) {
  const auto s = type_of("f_int");
  EXPECT_EQ(s.type_class, TypeClass::integer);
  EXPECT_TRUE(s.is_signed);
  EXPECT_EQ(s.size, 4u);
  EXPECT_EQ(s.spelling, "int");

  const auto u = type_of("f_uint");
  EXPECT_EQ(u.type_class, TypeClass::integer);
  EXPECT_FALSE(u.is_signed);
  EXPECT_EQ(u.spelling, "unsigned int");
}

TEST_F(BtfTest, BoolThroughTypedef) {
  const auto t = type_of("f_bool");
  EXPECT_EQ(t.type_class, TypeClass::boolean);
  EXPECT_EQ(t.spelling, "bool");
  EXPECT_EQ(t.size, 1u);
}

TEST_F(BtfTest, Pointers) {
  const auto p = type_of("f_ptr");
  EXPECT_EQ(p.type_class, TypeClass::pointer);
  EXPECT_EQ(p.spelling, "struct sock *");
  EXPECT_EQ(p.size, 8u);
  EXPECT_EQ(type_of("f_cstr").spelling, "const char *");
  EXPECT_EQ(type_of("f_fnptr").spelling, "function pointer");
}

TEST_F(BtfTest, TypedefKeepsItsName) {
  const auto t = type_of("f_ssize");
  EXPECT_EQ(t.type_class, TypeClass::integer);
  EXPECT_EQ(t.spelling, "ssize_t");
  EXPECT_EQ(t.size, 8u);
  EXPECT_TRUE(t.is_signed);
}

TEST_F(BtfTest, EnumStructFloat) {
  const auto e = type_of("f_enum");
  EXPECT_EQ(e.type_class, TypeClass::enumeration);
  EXPECT_EQ(e.spelling, "enum state");
  ASSERT_EQ(e.enumerators.size(), 2u);
  EXPECT_EQ(e.enumerators[1].name, "STATE_BUSY");
  EXPECT_EQ(e.enumerators[1].value, 3);

  const auto s = type_of("f_pair");
  EXPECT_EQ(s.type_class, TypeClass::aggregate);
  EXPECT_EQ(s.spelling, "struct pair");
  EXPECT_EQ(s.size, 16u);

  EXPECT_EQ(type_of("f_double").type_class, TypeClass::floating);
}

TEST_F(BtfTest, MissingFunction) {
  EXPECT_FALSE(find_return_type(*btf_, "no_such_function"));
  EXPECT_FALSE(find_return_type(*btf_, "int")); // a type, not a FUNC
  EXPECT_EQ(btf_->first_own_id(), 1u);
}

TEST_F(BtfTest, SplitModuleBtfAnswersForItsOwnFunctions) {
  const std::string module = testing::module_btf_raw(writer_.get(), ids_);
  auto split = Btf::parse(module, &*btf_, "mod");
  ASSERT_TRUE(split) << split.error().message;
  EXPECT_GT(split->first_own_id(), 1u);

  const auto open = find_return_type(*split, "mod_open");
  ASSERT_TRUE(open);
  EXPECT_EQ(open->spelling, "int"); // a base type, reached from the module

  // The module's own f_int, not vmlinux's.
  const auto own = find_return_type(*split, "f_int");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->spelling, "unsigned int");
  EXPECT_FALSE(find_return_type(*split, "f_void")); // vmlinux only
}

TEST_F(BtfTest, FromElfSection) {
  const std::string module = testing::module_btf_raw(writer_.get(), ids_);
  const std::string ko =
      testing::build_elf({{".text", "\xc3"}, {".BTF", module}},
                         {{"mod_open", ".text", STT_FUNC, STB_GLOBAL}});
  auto split = Btf::parse(ko, &*btf_, "mod.ko");
  ASSERT_TRUE(split) << split.error().message;
  EXPECT_TRUE(find_return_type(*split, "mod_open"));

  auto vmlinux =
      Btf::parse(testing::build_elf({{".BTF", raw_}}, {}), nullptr, "vmlinux");
  ASSERT_TRUE(vmlinux);
  EXPECT_TRUE(find_return_type(*vmlinux, "f_int"));
}

TEST_F(BtfTest, Errors) {
  auto garbage = Btf::parse("not BTF", nullptr, "x");
  ASSERT_FALSE(garbage);
  EXPECT_NE(garbage.error().message.find("parse BTF of x"), std::string::npos);

  std::string cut = raw_;
  cut.resize(cut.size() / 2);
  EXPECT_FALSE(Btf::parse(cut, nullptr, "x"));

  auto no_section =
      Btf::parse(testing::build_elf({{".text", "\xc3"}}, {}), nullptr, "a.ko");
  ASSERT_FALSE(no_section);
  EXPECT_EQ(no_section.error().message, "a.ko: no .BTF section");

  auto bad_split = Btf::parse("junk junk junk junk junk", &*btf_, "m");
  ASSERT_FALSE(bad_split);
  EXPECT_NE(bad_split.error().message.find("m: split BTF"), std::string::npos);
}

TEST(BtfNames, TypeClass) {
  EXPECT_EQ(type_class_name(TypeClass::aggregate), "struct");
  EXPECT_EQ(type_class_name(TypeClass::boolean), "bool");
}

} // namespace
} // namespace killswitch::analysis
