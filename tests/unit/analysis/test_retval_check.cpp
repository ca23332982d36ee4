#include <gtest/gtest.h>

#include "analysis/retval_check.h"

namespace killswitch::analysis {
namespace {

ReturnType make(TypeClass c, std::uint32_t size = 0, bool is_signed = false,
                std::string spelling = "t") {
  ReturnType t;
  t.type_class = c;
  t.size = size;
  t.is_signed = is_signed;
  t.spelling = std::move(spelling);
  return t;
}

// "level:code" of each finding, for compact expectations.
std::vector<std::string> codes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings)
    out.push_back(std::string(finding_level_name(f.level)) + ":" + f.code);
  return out;
}

using Codes = std::vector<std::string>;

TEST(RetvalCheck, Void) {
  const auto v = make(TypeClass::void_type);
  EXPECT_EQ(codes(check_retval(v, std::nullopt)),
            Codes{"note:void-body-skipped"});
  EXPECT_EQ(codes(check_retval(v, 0)), Codes{"note:void-body-skipped"});
  EXPECT_EQ(codes(check_retval(v, -1)),
            (Codes{"note:void-body-skipped", "refuse:retval-void"}));
  EXPECT_EQ(suggest_retval(v), 0);
}

TEST(RetvalCheck, Pointer) {
  const auto p = make(TypeClass::pointer, 8, false, "struct sock *");
  EXPECT_EQ(codes(check_retval(p, std::nullopt)), Codes{"warn:retval-pointer"});
  EXPECT_EQ(codes(check_retval(p, 0)), Codes{"warn:retval-pointer"});
  EXPECT_EQ(codes(check_retval(p, -12)), Codes{"warn:retval-pointer"});
  EXPECT_EQ(codes(check_retval(p, -4095)), Codes{"warn:retval-pointer"});
  EXPECT_EQ(codes(check_retval(p, -4096)),
            (Codes{"warn:retval-pointer", "refuse:retval-range"}));
  EXPECT_EQ(codes(check_retval(p, 1)),
            (Codes{"warn:retval-pointer", "refuse:retval-range"}));
  EXPECT_EQ(suggest_retval(p), 0);
}

TEST(RetvalCheck, Bool) {
  const auto b = make(TypeClass::boolean, 1);
  EXPECT_TRUE(check_retval(b, 0).empty());
  EXPECT_TRUE(check_retval(b, 1).empty());
  EXPECT_EQ(codes(check_retval(b, 2)), Codes{"refuse:retval-range"});
  EXPECT_EQ(codes(check_retval(b, -1)), Codes{"refuse:retval-range"});
  EXPECT_EQ(suggest_retval(b), 0);
}

TEST(RetvalCheck, SignedIntegers) {
  const auto i32 = make(TypeClass::integer, 4, true, "int");
  EXPECT_TRUE(check_retval(i32, -1).empty());
  EXPECT_TRUE(check_retval(i32, 2147483647).empty());
  EXPECT_TRUE(check_retval(i32, -2147483648LL).empty());
  EXPECT_EQ(codes(check_retval(i32, 2147483648LL)),
            Codes{"refuse:retval-range"});
  EXPECT_EQ(suggest_retval(i32), -1); // -EPERM

  const auto i8 = make(TypeClass::integer, 1, true);
  EXPECT_TRUE(check_retval(i8, -128).empty());
  EXPECT_EQ(codes(check_retval(i8, 128)), Codes{"refuse:retval-range"});

  const auto i64 = make(TypeClass::integer, 8, true);
  EXPECT_TRUE(check_retval(i64, INT64_MIN).empty());
  EXPECT_TRUE(check_retval(i64, INT64_MAX).empty());
}

TEST(RetvalCheck, UnsignedIntegers) {
  const auto u32 = make(TypeClass::integer, 4, false, "unsigned int");
  EXPECT_TRUE(check_retval(u32, 0).empty());
  EXPECT_TRUE(check_retval(u32, 4294967295LL).empty());
  EXPECT_EQ(codes(check_retval(u32, 4294967296LL)),
            Codes{"refuse:retval-range"});
  const auto neg = check_retval(u32, -22);
  EXPECT_EQ(codes(neg), Codes{"warn:retval-unsigned-negative"});
  EXPECT_NE(neg[0].message.find("0xffffffea"), std::string::npos)
      << neg[0].message;
  EXPECT_EQ(codes(check_retval(u32, -2147483649LL)),
            Codes{"refuse:retval-range"});
  EXPECT_EQ(suggest_retval(u32), 0);

  const auto u16 = make(TypeClass::integer, 2, false);
  EXPECT_EQ(codes(check_retval(u16, 65536)), Codes{"refuse:retval-range"});
  EXPECT_EQ(codes(check_retval(u16, -1)),
            Codes{"warn:retval-unsigned-negative"});

  const auto u64 = make(TypeClass::integer, 8, false, "unsigned long");
  EXPECT_EQ(codes(check_retval(u64, -1)),
            Codes{"warn:retval-unsigned-negative"});
  EXPECT_TRUE(check_retval(u64, INT64_MAX).empty());
}

TEST(RetvalCheck, Enum) {
  auto e = make(TypeClass::enumeration, 4, false, "enum state");
  e.enumerators = {{"STATE_IDLE", 0}, {"STATE_BUSY", 3}};
  EXPECT_EQ(codes(check_retval(e, std::nullopt)), Codes{"warn:retval-enum"});
  const auto named = check_retval(e, 3);
  EXPECT_EQ(codes(named), Codes{"warn:retval-enum"});
  EXPECT_NE(named[0].message.find("3 is STATE_BUSY"), std::string::npos);
  const auto other = check_retval(e, 7);
  EXPECT_NE(other[0].message.find("not one of its 2 values"),
            std::string::npos);
  EXPECT_EQ(codes(check_retval(e, -1)),
            (Codes{"warn:retval-enum", "warn:retval-unsigned-negative"}));
  EXPECT_EQ(suggest_retval(e), std::nullopt);
}

TEST(RetvalCheck, StructByValue) {
  EXPECT_EQ(codes(check_retval(make(TypeClass::aggregate, 8), 0)),
            Codes{"warn:retval-struct"});
  EXPECT_EQ(codes(check_retval(make(TypeClass::aggregate, 16), 0)),
            Codes{"refuse:retval-struct"});
  EXPECT_EQ(suggest_retval(make(TypeClass::aggregate, 8)), std::nullopt);
}

TEST(RetvalCheck, FloatAndOther) {
  EXPECT_EQ(codes(check_retval(make(TypeClass::floating, 8), 0)),
            Codes{"refuse:retval-float"});
  EXPECT_EQ(codes(check_retval(make(TypeClass::other), 0)),
            Codes{"warn:retval-unknown-type"});
}

} // namespace
} // namespace killswitch::analysis
