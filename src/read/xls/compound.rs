//! The workbook stream of the compound file (OLE2, [MS-CFB]) an .xls is kept in, read
//! here rather than with cfb: cfb refuses files that Excel, LibreOffice and calamine
//! open (SheetJS pads the FAT with "end of chain" entries past the file's end;
//! JExcelAPI lists the directory out of name order), and its reads grow with the
//! square of the stream. Only what the stream needs is read: the FAT, the directory's
//! entries under the root, and one chain of sectors (or of the mini stream's). Every
//! sector number the file gives is checked against the file, and a chain that runs
//! longer than the file has sectors (one that loops) is refused.

use super::bytes::{u16_at, u32_at};
use crate::model::format::OLE_SIGNATURE;

/// Sector numbers with a meaning of their own, in the FAT and the header.
pub(super) const FREE: u32 = 0xFFFF_FFFF;
pub(super) const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
pub(super) const FAT_SECTOR: u32 = 0xFFFF_FFFD;
pub(super) const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
/// A directory entry's "no sibling" or "no child".
pub(super) const NO_ENTRY: u32 = 0xFFFF_FFFF;
/// The FAT sectors the header lists; DIFAT sectors list the rest.
pub(super) const HEADER_FAT_SECTORS: usize = 109;
/// A stream shorter than this lives in the mini stream, in sectors of 64 bytes.
pub(super) const MINI_CUTOFF: usize = 4096;
pub(super) const MINI_SECTOR: usize = 64;
/// The bytes of a directory entry.
const ENTRY: usize = 128;

/// The workbook stream (`Workbook`, or `Book` before Excel 97) of the compound file in
/// `bytes`; `None` when the container cannot be read or holds no such stream.
pub(super) fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let file = Compound::open(bytes)?;
    let directory = file.chain_bytes(u32_at(bytes, 48)?)?;
    let entries: Vec<&[u8]> = directory.chunks_exact(ENTRY).collect();
    let root = entries
        .first()
        .copied()
        .filter(|root| root.get(66) == Some(&5))?;
    let children = children(&entries, u32_at(root, 76)?);
    let named = |name: &str| {
        children
            .iter()
            .copied()
            .find(|entry| entry.get(66) == Some(&2) && entry_name(entry).eq_ignore_ascii_case(name))
    };
    let workbook = named("Workbook").or_else(|| named("Book"))?;
    let size = file.entry_size(workbook)?;
    // A stream is never longer than the file that holds it.
    if size > bytes.len() {
        return None;
    }
    let start = u32_at(workbook, 116)?;
    let mut stream = if size < MINI_CUTOFF {
        let mini_stream = file.chain_bytes(u32_at(root, 116)?)?;
        let mini_fat = ids(&file.chain_bytes(u32_at(bytes, 60)?)?);
        let sectors = mini_stream.len() / MINI_SECTOR;
        let mut stream = Vec::with_capacity(size);
        for id in chain(start, &mini_fat, sectors)? {
            let at = id.checked_mul(MINI_SECTOR)?;
            stream.extend_from_slice(mini_stream.get(at..at.checked_add(MINI_SECTOR)?)?);
        }
        stream
    } else {
        file.chain_bytes(start)?
    };
    if stream.len() < size {
        return None;
    }
    stream.truncate(size);
    Some(stream)
}

/// A compound file's sectors and its FAT, the table that chains them.
struct Compound<'a> {
    bytes: &'a [u8],
    sector_len: usize,
    /// Sectors after the header, a last one cut short by the file's end among them.
    sectors: usize,
    fat: Vec<u32>,
}

impl<'a> Compound<'a> {
    fn open(bytes: &'a [u8]) -> Option<Compound<'a>> {
        if !bytes.starts_with(OLE_SIGNATURE) {
            return None;
        }
        let sector_len = match u16_at(bytes, 30)? {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        let sectors = bytes.len().saturating_sub(sector_len).div_ceil(sector_len);
        let mut file = Compound {
            bytes,
            sector_len,
            sectors,
            fat: Vec::new(),
        };
        // The FAT's sectors, as many as the header counts: it lists the first 109, a
        // chain of DIFAT sectors the rest, each ending with the next one's number. A
        // file has no more of either than sectors: a DIFAT chain that loops stops there.
        let count = usize::try_from(u32_at(bytes, 44)?).ok()?.min(sectors);
        let listed =
            (0..HEADER_FAT_SECTORS.min(count)).filter_map(|slot| u32_at(bytes, 76 + 4 * slot));
        let mut fat_sectors: Vec<u32> = listed.collect();
        let mut difat = u32_at(bytes, 68)?;
        for _ in 0..sectors {
            if fat_sectors.len() >= count {
                break;
            }
            let Some(sector) = file.sector(difat) else {
                break;
            };
            let (listed, next) = sector.split_at(sector.len().saturating_sub(4));
            fat_sectors.extend(ids(listed));
            difat = u32_at(next, 0).unwrap_or(END_OF_CHAIN);
        }
        fat_sectors.truncate(count);
        let mut fat = Vec::new();
        for id in fat_sectors {
            fat.extend(ids(file.sector(id)?));
        }
        file.fat = fat;
        Some(file)
    }

    /// The bytes of sector `id`; `None` past the file's end.
    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let index = usize::try_from(id).ok().filter(|&i| i < self.sectors)?;
        let start = index.checked_add(1)?.checked_mul(self.sector_len)?;
        let end = start.saturating_add(self.sector_len).min(self.bytes.len());
        self.bytes.get(start..end)
    }

    /// The sectors of the chain that starts at `first`, end to end.
    fn chain_bytes(&self, first: u32) -> Option<Vec<u8>> {
        let mut bytes = Vec::new();
        for id in chain(first, &self.fat, self.sectors)? {
            bytes.extend_from_slice(self.sector(u32::try_from(id).ok()?)?);
        }
        Some(bytes)
    }

    /// The size of the stream a directory entry names. Version 3 files keep it in 32
    /// bits, and the 32 after them may hold anything.
    fn entry_size(&self, entry: &[u8]) -> Option<usize> {
        let low = u32_at(entry, 120)?;
        if self.sector_len == 4096 && u32_at(entry, 124)? != 0 {
            return None;
        }
        usize::try_from(low).ok()
    }
}

/// The sector numbers of the chain that starts at `first` in `table`, each under
/// `sectors`; `None` when a number is out of range or the chain loops.
fn chain(first: u32, table: &[u32], sectors: usize) -> Option<Vec<usize>> {
    let mut ids = Vec::new();
    let mut id = first;
    while id != END_OF_CHAIN {
        let index = usize::try_from(id).ok().filter(|&i| i < sectors)?;
        if ids.len() >= sectors {
            return None;
        }
        ids.push(index);
        id = *table.get(index)?;
    }
    Some(ids)
}

/// The little-endian sector numbers in `bytes`, four bytes each.
fn ids(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .filter_map(|id| id.try_into().ok().map(u32::from_le_bytes))
        .collect()
}

/// The entries under the root: the tree of siblings that starts at `first`, walked
/// whatever order its names are in. Each entry is visited once, so a tree that loops
/// ends.
fn children<'e>(entries: &[&'e [u8]], first: u32) -> Vec<&'e [u8]> {
    let mut seen = vec![false; entries.len()];
    let mut found = Vec::new();
    let mut stack = vec![first];
    while let Some(id) = stack.pop() {
        let Some(index) = usize::try_from(id).ok().filter(|&i| i < entries.len()) else {
            continue;
        };
        let (Some(entry), Some(visited)) = (entries.get(index), seen.get_mut(index)) else {
            continue;
        };
        if std::mem::replace(visited, true) {
            continue;
        }
        found.push(*entry);
        stack.extend([u32_at(entry, 68), u32_at(entry, 72)].into_iter().flatten());
    }
    found
}

/// A directory entry's name: UTF-16 in its first 64 bytes, its length in bytes (with
/// the closing zero) after them.
fn entry_name(entry: &[u8]) -> String {
    let length = u16_at(entry, 64).map_or(0, usize::from).min(64);
    let units = entry
        .get(..length.saturating_sub(2))
        .unwrap_or_default()
        .chunks_exact(2)
        .filter_map(|unit| unit.try_into().ok().map(u16::from_le_bytes));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::container::repackaged;
    use super::*;

    /// A container holding a stream of `length` bytes, its directory sector's place, and
    /// the stream.
    fn container(length: usize) -> (Vec<u8>, usize, Vec<u8>) {
        let stream: Vec<u8> = (0..length).map(|i| (i % 251) as u8).collect();
        let bytes = repackaged(&stream).unwrap_or_default();
        let directory = u32_at(&bytes, 48).and_then(|id| usize::try_from(id).ok());
        (bytes, 512 * (1 + directory.unwrap_or(0)), stream)
    }

    fn put(bytes: &mut [u8], at: usize, value: u32) {
        bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
    }

    #[test]
    fn the_workbook_is_found_among_siblings_in_any_order_and_only_under_the_root() {
        let (mut bytes, directory, stream) = container(5000);
        // The Workbook is the right sibling of a stream whose name sorts after it (as
        // JExcelAPI writes), and that one the root's child.
        let other: Vec<u8> = {
            let mut entry = bytes[directory + 128..directory + 256].to_vec();
            let name: Vec<u8> = "\u{5}SummaryInformation\0"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect();
            entry[..64].fill(0);
            entry[..name.len()].copy_from_slice(&name);
            entry[64..66].copy_from_slice(&(name.len() as u16).to_le_bytes());
            put(&mut entry, 72, 1);
            entry
        };
        bytes[directory + 256..directory + 384].copy_from_slice(&other);
        put(&mut bytes, directory + 76, 2);
        assert_eq!(workbook_stream(&bytes), Some(stream.clone()));
        // Siblings that point back at each other end the walk.
        put(&mut bytes, directory + 128 + 68, 2);
        assert_eq!(workbook_stream(&bytes), Some(stream));
        // A Workbook inside another storage (an embedded object) is not the file's.
        bytes[directory + 256 + 66] = 1;
        put(&mut bytes, directory + 256 + 72, NO_ENTRY);
        put(&mut bytes, directory + 256 + 76, 1);
        put(&mut bytes, directory + 128 + 68, NO_ENTRY);
        assert_eq!(workbook_stream(&bytes), None);
    }

    #[test]
    fn chains_that_loop_or_leave_the_file_are_refused() {
        for length in [5000, 100] {
            let (bytes, directory, _) = container(length);
            // A stream longer than the file.
            let mut long = bytes.clone();
            put(&mut long, directory + 128 + 120, u32::MAX);
            assert_eq!(workbook_stream(&long), None, "{length}");
            // The stream's first sector points back at itself.
            let mut looped = bytes.clone();
            let fat = 512 * (1 + u32_at(&bytes, 76).unwrap() as usize);
            let first = u32_at(&bytes, directory + 128 + 116).unwrap() as usize;
            if length >= MINI_CUTOFF {
                put(&mut looped, fat + 4 * first, first as u32);
            } else {
                let mini_fat = 512 * (1 + u32_at(&bytes, 60).unwrap() as usize);
                put(&mut looped, mini_fat + 4 * first, first as u32);
            }
            assert_eq!(workbook_stream(&looped), None, "{length}");
            // A sector number past the file's end.
            let mut outside = bytes.clone();
            put(&mut outside, directory + 128 + 116, 1 << 30);
            assert_eq!(workbook_stream(&outside), None, "{length}");
        }
        // The header counts more FAT sectors than there are sectors, and its DIFAT chain
        // starts at a sector of the stream that points at itself: refused, the walk
        // ending at the file's sector count.
        let (mut bytes, _, _) = container(5000);
        put(&mut bytes, 44, u32::MAX);
        put(&mut bytes, 68, 0);
        put(&mut bytes, 512 + 508, 0);
        assert_eq!(workbook_stream(&bytes), None);
    }

    proptest::proptest! {
        /// What cfb, an independent writer, writes is read back as written: a
        /// `Workbook` or `Book` of any length either side of the mini stream's cutoff, in
        /// either sector size, among other streams written before and after it, and
        /// beside a `Workbook` inside a storage (an embedded object's), which is not the
        /// file's.
        #[test]
        fn what_cfb_writes_is_read_back(
            large_sectors in proptest::bool::ANY,
            book in proptest::bool::ANY,
            length in 0usize..10_000,
            others in proptest::collection::vec((0usize..4, 0usize..6_000), 0..5),
            before in 0usize..5,
            embedded in proptest::bool::ANY,
        ) {
            use std::io::Write;
            let version = if large_sectors { cfb::Version::V4 } else { cfb::Version::V3 };
            let mut file =
                cfb::CompoundFile::create_with_version(version, std::io::Cursor::new(Vec::new()))
                    .unwrap();
            let stream: Vec<u8> = (0..length).map(|i| (i % 253) as u8).collect();
            let name = if book { "/Book" } else { "/Workbook" };
            let names = ["/\u{5}SummaryInformation", "/\u{5}DocumentSummaryInformation", "/CompObj", "/Ole"];
            if embedded {
                file.create_storage("/MBD0001").unwrap();
                file.create_stream("/MBD0001/Workbook").unwrap().write_all(b"not this").unwrap();
            }
            for (n, &(which, len)) in others.iter().enumerate() {
                if n == before {
                    file.create_stream(name).unwrap().write_all(&stream).unwrap();
                }
                file.create_stream(names[which]).unwrap().write_all(&vec![0xA5; len]).unwrap();
            }
            if before >= others.len() {
                file.create_stream(name).unwrap().write_all(&stream).unwrap();
            }
            file.flush().unwrap();
            let bytes = file.into_inner().into_inner();
            proptest::prop_assert_eq!(workbook_stream(&bytes), Some(stream));
        }
    }
}
