#pragma once

#include <cstdlib>
#include <memory>
#include <string>

#include <bpf/btf.h>

namespace killswitch::analysis::testing {

struct BtfFree {
  void operator()(struct btf* btf) const { btf__free(btf); }
};
using BtfPtr = std::unique_ptr<struct btf, BtfFree>;

inline std::string raw_btf(const struct btf* btf) {
  std::uint32_t size = 0;
  const void* data = btf__raw_data(btf, &size);
  if (data == nullptr)
    std::abort();
  return std::string(static_cast<const char*>(data), size);
}

// Type ids of the vmlinux-like BTF below, for split BTF on top of it.
struct BaseIds {
  int int_id;
  int uint_id;
};

inline int check_id(int id) {
  if (id <= 0)
    std::abort();
  return id;
}

inline void check_ok(int err) {
  if (err != 0)
    std::abort();
}

inline int add_function(struct btf* btf, const char* name, int ret) {
  const int proto = check_id(btf__add_func_proto(btf, ret));
  return check_id(btf__add_func(btf, name, BTF_FUNC_GLOBAL, proto));
}

// A small vmlinux BTF, made with libbpf's writer, holding one function per
// return-type class:
//   void f_void(void);            int f_int(void);
//   unsigned int f_uint(void);    bool f_bool(void);
//   struct sock *f_ptr(void);     ssize_t f_ssize(void);
//   unsigned char f_u8(void);     short f_s16(void);
//   enum state f_enum(void);      struct pair f_pair(void);  (16 bytes)
//   struct small f_small(void);   (8 bytes)
//   const char *f_cstr(void);     double f_double(void);
//   int (*f_fnptr(void))(void);
inline BtfPtr vmlinux_btf(BaseIds* ids = nullptr) {
  BtfPtr btf(btf__new_empty());
  struct btf* b = btf.get();
  const int s32 = check_id(btf__add_int(b, "int", 4, BTF_INT_SIGNED));
  const int u32 = check_id(btf__add_int(b, "unsigned int", 4, 0));
  const int boolean = check_id(btf__add_int(b, "_Bool", 1, BTF_INT_BOOL));
  const int bool_t = check_id(btf__add_typedef(b, "bool", boolean));
  const int s64 = check_id(btf__add_int(b, "long", 8, BTF_INT_SIGNED));
  const int ssize = check_id(btf__add_typedef(b, "ssize_t", s64));
  const int u8 = check_id(btf__add_int(b, "unsigned char", 1, 0));
  const int s16 = check_id(btf__add_int(b, "short", 2, BTF_INT_SIGNED));
  const int chr = check_id(btf__add_int(b, "char", 1, BTF_INT_SIGNED));
  const int cchr = check_id(btf__add_const(b, chr));
  const int cstr = check_id(btf__add_ptr(b, cchr));
  const int sock = check_id(btf__add_struct(b, "sock", 16));
  check_ok(btf__add_field(b, "a", s64, 0, 0));
  const int sock_ptr = check_id(btf__add_ptr(b, sock));
  const int state = check_id(btf__add_enum(b, "state", 4));
  check_ok(btf__add_enum_value(b, "STATE_IDLE", 0));
  check_ok(btf__add_enum_value(b, "STATE_BUSY", 3));
  const int pair = check_id(btf__add_struct(b, "pair", 16));
  check_ok(btf__add_field(b, "a", s64, 0, 0));
  check_ok(btf__add_field(b, "b", s64, 64, 0));
  const int small = check_id(btf__add_struct(b, "small", 8));
  check_ok(btf__add_field(b, "a", s64, 0, 0));
  const int dbl = check_id(btf__add_float(b, "double", 8));
  const int fn_proto = check_id(btf__add_func_proto(b, s32));
  const int fn_ptr = check_id(btf__add_ptr(b, fn_proto));

  add_function(b, "f_void", 0);
  add_function(b, "f_int", s32);
  add_function(b, "f_uint", u32);
  add_function(b, "f_bool", bool_t);
  add_function(b, "f_ptr", sock_ptr);
  add_function(b, "f_ssize", ssize);
  add_function(b, "f_u8", u8);
  add_function(b, "f_s16", s16);
  add_function(b, "f_enum", state);
  add_function(b, "f_pair", pair);
  add_function(b, "f_small", small);
  add_function(b, "f_cstr", cstr);
  add_function(b, "f_double", dbl);
  add_function(b, "f_fnptr", fn_ptr);
  if (ids != nullptr)
    *ids = BaseIds{s32, u32};
  return btf;
}

// A module's BTF split on `base`: `mod_open` returns int, and `f_int`
// returns unsigned int here, unlike vmlinux's f_int.
inline std::string module_btf_raw(const struct btf* base, const BaseIds& ids) {
  BtfPtr btf(btf__new_empty_split(const_cast<struct btf*>(base)));
  add_function(btf.get(), "mod_open", ids.int_id);
  add_function(btf.get(), "f_int", ids.uint_id);
  return raw_btf(btf.get());
}

} // namespace killswitch::analysis::testing
