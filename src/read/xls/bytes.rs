//! The fixed fields of the .xls structures: little-endian numbers at an offset, every
//! read checked (`None` past the end).

/// The 16-bit little-endian number at byte `at` of `data`.
pub(super) fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([
        *data.get(at)?,
        *data.get(at.checked_add(1)?)?,
    ]))
}

/// The 32-bit little-endian number at byte `at` of `data`.
pub(super) fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(bytes.try_into().ok()?))
}
