/// What Winnow reads from a JPEG's marker segments before decoding: the EXIF orientation (APP1) and
/// whether an Adobe APP14 segment is present (Adobe writes CMYK inverted).
struct JPEGMarkers: Sendable, Hashable {
    var orientation: ExifOrientation = .up
    var hasAdobeSegment = false

    /// Scans the segments between SOI and the first SOS. Damaged segments are skipped, never trapped on:
    /// the decoder itself judges whether the image is readable.
    init(scanning bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return }
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return }
            var markerOffset = offset + 1
            while markerOffset < bytes.count, bytes[markerOffset] == 0xFF { markerOffset += 1 }
            guard markerOffset + 2 < bytes.count else { return }
            let marker = bytes[markerOffset]
            if marker == 0xDA || marker == 0xD9 { return }  // start of scan, end of image
            if (0xD0...0xD7).contains(marker) || marker == 0x01 {
                offset = markerOffset + 1
                continue
            }
            let length = Int(bytes[markerOffset + 1]) << 8 | Int(bytes[markerOffset + 2])
            let dataStart = markerOffset + 3
            let dataEnd = markerOffset + 1 + length
            guard length >= 2, dataEnd <= bytes.count else { return }
            let segment = UnsafeRawBufferPointer(rebasing: bytes[dataStart..<dataEnd])
            if marker == 0xE1, let orientation = Self.exifOrientation(segment) {
                self.orientation = orientation
            } else if marker == 0xEE, segment.starts(with: Array("Adobe".utf8)) {
                hasAdobeSegment = true
            }
            offset = dataEnd
        }
    }

    /// The orientation tag of an APP1 `Exif\0\0` segment, when present and valid.
    static func exifOrientation(_ segment: UnsafeRawBufferPointer) -> ExifOrientation? {
        let exifHeader: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0]
        guard segment.count >= 14, segment.starts(with: exifHeader) else { return nil }
        let tiff = UnsafeRawBufferPointer(rebasing: segment[6...])
        let littleEndian: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): littleEndian = true
        case (0x4D, 0x4D): littleEndian = false
        default: return nil
        }
        func read16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return littleEndian ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func read32(_ at: Int) -> Int? {
            guard let high = read16(littleEndian ? at + 2 : at), let low = read16(littleEndian ? at : at + 2) else { return nil }
            return high << 16 | low
        }
        guard read16(2) == 42, let ifdOffset = read32(4), let entryCount = read16(ifdOffset) else { return nil }
        for entry in 0..<entryCount {
            let entryOffset = ifdOffset + 2 + entry * 12
            guard let tag = read16(entryOffset) else { return nil }
            guard tag == 0x0112 else { continue }
            guard read16(entryOffset + 2) == 3, let value = read16(entryOffset + 8) else { return nil }
            return ExifOrientation(rawValue: value)
        }
        return nil
    }
}
