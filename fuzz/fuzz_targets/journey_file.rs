#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| milepost::fuzzing::journey_file(data));
