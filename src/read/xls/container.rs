//! A compound file written afresh around an .xls's workbook stream, which is what
//! calamine is given: calamine's own reader of the container trusts the file's sector
//! numbers and panics on some (found by fuzzing); given this one, only the workbook
//! stream, which the records' walk has checked, comes from the file.

use super::compound::{
    DIFAT_SECTOR, END_OF_CHAIN, FAT_SECTOR, FREE, HEADER_FAT_SECTORS, MINI_CUTOFF, MINI_SECTOR,
    NO_ENTRY,
};
use crate::model::format::OLE_SIGNATURE;

/// The bytes of a sector (version 3, as Excel writes).
const SECTOR: usize = 512;
/// Sector numbers: a sector's entry in the FAT, four bytes each.
const IDS_PER_SECTOR: usize = SECTOR / 4;

/// A compound file (version 3, [MS-CFB]) that holds `stream` as its `Workbook`, and
/// nothing else: the stream's sectors (or the mini stream's, for a stream under 4,096
/// bytes), one directory sector, the mini FAT's sector, the FAT's, the DIFAT's, in that
/// order, each chain running straight on. `None` for a stream of 4 GiB or more.
///
/// Written here, in time linear in the stream: cfb's writer looks for a free sector
/// through the whole FAT for every sector it adds (230 ms for a 10 MiB stream, four
/// times that for twice as much), and calamine reads the version-4 files cfb writes
/// faster as damaged.
pub(super) fn repackaged(stream: &[u8]) -> Option<Vec<u8>> {
    let length = u32::try_from(stream.len()).ok()?;
    let small = stream.len() < MINI_CUTOFF;
    let mini_sectors = if small {
        stream.len().div_ceil(MINI_SECTOR)
    } else {
        0
    };
    // What the regular sectors before the directory hold: the stream, or the mini stream.
    let content = if small {
        mini_sectors.checked_mul(MINI_SECTOR)?
    } else {
        stream.len()
    };
    let content_sectors = content.div_ceil(SECTOR);
    let mini_fat_sectors = usize::from(mini_sectors > 0);
    let directory = content_sectors;
    let before_fat = content_sectors
        .checked_add(1)?
        .checked_add(mini_fat_sectors)?;
    // Enough FAT sectors for every sector's entry, their own and the DIFAT's among them.
    let (mut fat_sectors, mut difat_sectors) = (0usize, 0usize);
    loop {
        let sectors = before_fat
            .checked_add(fat_sectors)?
            .checked_add(difat_sectors)?;
        let fat = sectors.div_ceil(IDS_PER_SECTOR);
        let difat = fat
            .saturating_sub(HEADER_FAT_SECTORS)
            .div_ceil(IDS_PER_SECTOR - 1);
        if (fat, difat) == (fat_sectors, difat_sectors) {
            break;
        }
        (fat_sectors, difat_sectors) = (fat, difat);
    }
    let first_fat = before_fat;
    let first_difat = first_fat.checked_add(fat_sectors)?;
    let sectors = first_difat.checked_add(difat_sectors)?;
    let id = |sector: usize| u32::try_from(sector).ok();

    let mut out = Vec::with_capacity(sectors.checked_add(1)?.checked_mul(SECTOR)?);
    // The header.
    out.extend_from_slice(OLE_SIGNATURE);
    out.extend_from_slice(&[0; 16]);
    for half in [0x003E_u16, 3, 0xFFFE, 9, 6] {
        out.extend_from_slice(&half.to_le_bytes());
    }
    out.extend_from_slice(&[0; 10]);
    let first_mini_fat = if small && mini_sectors > 0 {
        id(directory.checked_add(1)?)?
    } else {
        END_OF_CHAIN
    };
    let first_difat_id = if difat_sectors > 0 {
        id(first_difat)?
    } else {
        END_OF_CHAIN
    };
    for word in [
        id(fat_sectors)?,
        id(directory)?,
        0,
        u32::try_from(MINI_CUTOFF).ok()?,
        first_mini_fat,
        id(mini_fat_sectors)?,
        first_difat_id,
        id(difat_sectors)?,
    ] {
        out.extend_from_slice(&word.to_le_bytes());
    }
    let fat_ids = (first_fat..first_difat).map(id);
    for slot in 0..HEADER_FAT_SECTORS {
        let fat = if slot < fat_sectors {
            id(first_fat.checked_add(slot)?)?
        } else {
            FREE
        };
        out.extend_from_slice(&fat.to_le_bytes());
    }
    // The stream, or the mini stream, to the end of its last sector.
    out.extend_from_slice(stream);
    pad_to_sector(&mut out);
    // The directory: the root (whose stream is the mini stream), then the Workbook.
    let (root_start, root_size) = if small && mini_sectors > 0 {
        (0, u64::try_from(content).ok()?)
    } else {
        (END_OF_CHAIN, 0)
    };
    let workbook_start = if stream.is_empty() { END_OF_CHAIN } else { 0 };
    directory_entry(&mut out, "Root Entry", 5, 1, root_start, root_size);
    directory_entry(
        &mut out,
        "Workbook",
        2,
        NO_ENTRY,
        workbook_start,
        u64::from(length),
    );
    // Two free entries fill the sector: zeros, but for no siblings and no child.
    for _ in 0..2 {
        let mut free = [0u8; 128];
        if let Some(links) = free.get_mut(68..80) {
            links.fill(0xFF);
        }
        out.extend_from_slice(&free);
    }
    // The mini FAT: the mini sectors, one chain.
    if mini_fat_sectors > 0 {
        push_chain(&mut out, 0, mini_sectors)?;
        pad_ids_to_sector(&mut out);
    }
    // The FAT: the content's chain, the directory's and the mini FAT's, then the FAT's
    // and DIFAT's own sectors.
    push_chain(&mut out, 0, content_sectors)?;
    out.extend_from_slice(&END_OF_CHAIN.to_le_bytes());
    if mini_fat_sectors > 0 {
        out.extend_from_slice(&END_OF_CHAIN.to_le_bytes());
    }
    for _ in 0..fat_sectors {
        out.extend_from_slice(&FAT_SECTOR.to_le_bytes());
    }
    for _ in 0..difat_sectors {
        out.extend_from_slice(&DIFAT_SECTOR.to_le_bytes());
    }
    pad_ids_to_sector(&mut out);
    // The DIFAT: the FAT sectors past the header's 109, 127 a sector, each sector
    // ending with the next one's number.
    let mut listed = fat_ids.skip(HEADER_FAT_SECTORS);
    for sector in 0..difat_sectors {
        for _ in 0..IDS_PER_SECTOR - 1 {
            let fat = match listed.next() {
                Some(fat) => fat?,
                None => FREE,
            };
            out.extend_from_slice(&fat.to_le_bytes());
        }
        let next = if sector.checked_add(1)? < difat_sectors {
            id(first_difat.checked_add(sector)?.checked_add(1)?)?
        } else {
            END_OF_CHAIN
        };
        out.extend_from_slice(&next.to_le_bytes());
    }
    Some(out)
}

/// Appends the FAT entries of a chain of `count` sectors from `first` on, each pointing
/// to the next, the last ending it.
fn push_chain(out: &mut Vec<u8>, first: u32, count: usize) -> Option<()> {
    for n in 1..=count {
        let next = if n == count {
            END_OF_CHAIN
        } else {
            first.checked_add(u32::try_from(n).ok()?)?
        };
        out.extend_from_slice(&next.to_le_bytes());
    }
    Some(())
}

/// Appends a 128-byte directory entry: a name, a kind (5 the root, 2 a stream), black,
/// no siblings, its child, where its stream starts and how long it is.
fn directory_entry(out: &mut Vec<u8>, name: &str, kind: u8, child: u32, start: u32, size: u64) {
    let mut entry = [0u8; 128];
    let units: Vec<u16> = name.encode_utf16().chain([0]).collect();
    for (slot, unit) in entry.chunks_exact_mut(2).zip(&units) {
        slot.copy_from_slice(&unit.to_le_bytes());
    }
    let name_bytes = u16::try_from(units.len().saturating_mul(2)).unwrap_or(0);
    let mut put = |at: usize, bytes: &[u8]| {
        if let Some(slot) = entry.get_mut(at..at.saturating_add(bytes.len())) {
            slot.copy_from_slice(bytes);
        }
    };
    put(64, &name_bytes.to_le_bytes());
    put(66, &[kind, 1]);
    put(68, &NO_ENTRY.to_le_bytes());
    put(72, &NO_ENTRY.to_le_bytes());
    put(76, &child.to_le_bytes());
    put(116, &start.to_le_bytes());
    put(120, &size.to_le_bytes());
    out.extend_from_slice(&entry);
}

/// Zero bytes to the end of the last sector (the header counts as one).
fn pad_to_sector(out: &mut Vec<u8>) {
    out.resize(out.len().div_ceil(SECTOR).saturating_mul(SECTOR), 0);
}

/// Free entries to the end of a sector of the FAT or mini FAT.
fn pad_ids_to_sector(out: &mut Vec<u8>) {
    while !out.len().is_multiple_of(SECTOR) {
        out.extend_from_slice(&FREE.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::super::bytes::u32_at;
    use super::super::compound::workbook_stream;
    use super::*;

    #[test]
    fn the_stream_comes_back_as_it_went_in() {
        // Empty; in the mini stream, to a mini sector's end and past it; in sectors, to
        // a sector's end and past it; with more FAT sectors than the header lists (DIFAT
        // sectors: past 109 × 128 sectors, about 7 MB), and more than one DIFAT sector.
        // cfb reads each as it was written, and so does the reader here.
        for length in [
            0usize, 1, 64, 65, 4095, 4096, 4097, 70_000, 7_200_000, 16_000_000,
        ] {
            let stream: Vec<u8> = (0..length).map(|i| (i % 251) as u8).collect();
            let container = repackaged(&stream).unwrap_or_default();
            let mut file = cfb::CompoundFile::open(std::io::Cursor::new(&container)).unwrap();
            let mut read = Vec::new();
            std::io::Read::read_to_end(&mut file.open_stream("/Workbook").unwrap(), &mut read)
                .unwrap();
            assert_eq!(read, stream, "{length}");
            assert_eq!(workbook_stream(&container), Some(stream), "{length}");
        }
        assert_eq!(workbook_stream(b"not a compound file"), None);
    }

    #[test]
    fn a_fat_padded_with_end_of_chain_entries_is_read() {
        // As SheetJS writes it: the last FAT sector's entries past the file's end say
        // "end of chain" instead of "free".
        let stream: Vec<u8> = (0..5000usize).map(|i| (i % 7) as u8).collect();
        let mut container = repackaged(&stream).unwrap_or_default();
        let first_fat = u32_at(&container, 76).and_then(|id| usize::try_from(id).ok());
        let fat = 512 * (1 + first_fat.unwrap_or(0));
        let sectors = container.len() / 512 - 1;
        for entry in container[fat + 4 * sectors..fat + 512].chunks_exact_mut(4) {
            entry.copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        }
        assert!(cfb::CompoundFile::open(std::io::Cursor::new(&container[..])).is_err());
        assert_eq!(workbook_stream(&container), Some(stream));
        // An entry inside the file that is wrong stays wrong.
        container[fat + 4..fat + 8].copy_from_slice(&FREE.to_le_bytes());
        assert_eq!(workbook_stream(&container), None);
    }
}
