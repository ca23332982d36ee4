#include <gtest/gtest.h>

#include "analysis/clone.h"

namespace killswitch::analysis {
namespace {

using Kinds = std::vector<CloneKind>;

TEST(CloneSuffixes, Each) {
  EXPECT_EQ(parse_clone_suffixes("f.isra.0", "f"), Kinds{CloneKind::isra});
  EXPECT_EQ(parse_clone_suffixes("f.constprop.12", "f"),
            Kinds{CloneKind::constprop});
  EXPECT_EQ(parse_clone_suffixes("f.part.3", "f"), Kinds{CloneKind::part});
  EXPECT_EQ(parse_clone_suffixes("f.cold", "f"), Kinds{CloneKind::cold});
  EXPECT_EQ(parse_clone_suffixes("f.cold.1", "f"), Kinds{CloneKind::cold});
  EXPECT_EQ(parse_clone_suffixes("f.llvm.8125630713", "f"),
            Kinds{CloneKind::llvm});
  EXPECT_EQ(parse_clone_suffixes("f.lto_priv.0", "f"),
            Kinds{CloneKind::lto_priv});
  EXPECT_EQ(parse_clone_suffixes("f", "f"), Kinds{});
}

TEST(CloneSuffixes, Chains) {
  EXPECT_EQ(parse_clone_suffixes("f.constprop.0.isra.0", "f"),
            (Kinds{CloneKind::constprop, CloneKind::isra}));
  EXPECT_EQ(parse_clone_suffixes("f.isra.0.cold", "f"),
            (Kinds{CloneKind::isra, CloneKind::cold}));
  EXPECT_EQ(parse_clone_suffixes("f.part.0.cold.2", "f"),
            (Kinds{CloneKind::part, CloneKind::cold}));
}

TEST(CloneSuffixes, NotClones) {
  for (const char* name :
       {"f.1", "f.isra", "f.isra.", "f.isra.x", "f.part", "f.llvm.abc",
        "f.coldx", "f.", "fx.isra.0", "g.isra.0", "f..isra.0", "f.isra.0."})
    EXPECT_FALSE(parse_clone_suffixes(name, "f")) << name;
  EXPECT_FALSE(parse_clone_suffixes("f.isra.0", ""));
}

TEST(CloneBase, StripsSuffixes) {
  EXPECT_EQ(clone_base("tcp_probe_timer.isra.0"), "tcp_probe_timer");
  EXPECT_EQ(clone_base("f.constprop.0.isra.0.cold"), "f");
  EXPECT_EQ(clone_base("plain"), "plain");
  EXPECT_EQ(clone_base("__func__.12"), "__func__.12");
  EXPECT_EQ(clone_base(".cold"), ".cold");
}

TEST(CloneShape, FromKinds) {
  EXPECT_EQ(clone_shape(Kinds{}), CloneShape::original);
  EXPECT_EQ(clone_shape(Kinds{CloneKind::isra}), CloneShape::copy);
  EXPECT_EQ(clone_shape(Kinds{CloneKind::constprop}), CloneShape::copy);
  EXPECT_EQ(clone_shape(Kinds{CloneKind::part}), CloneShape::fragment);
  EXPECT_EQ(clone_shape(Kinds{CloneKind::cold}), CloneShape::fragment);
  EXPECT_EQ(clone_shape(Kinds{CloneKind::llvm}), CloneShape::renamed);
  EXPECT_EQ(clone_shape(Kinds{CloneKind::isra, CloneKind::cold}),
            CloneShape::fragment);
  EXPECT_EQ(clone_shape(Kinds{CloneKind::llvm, CloneKind::constprop}),
            CloneShape::copy);
}

TEST(CloneNames, ForReports) {
  EXPECT_EQ(clone_kind_name(CloneKind::lto_priv), "lto_priv");
  EXPECT_EQ(clone_shape_name(CloneShape::fragment), "fragment");
}

} // namespace
} // namespace killswitch::analysis
