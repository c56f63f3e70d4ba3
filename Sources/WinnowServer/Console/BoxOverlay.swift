import Foundation
import WinnowCore
import WinnowReport

/// Detection boxes drawn over an image as SVG, in the image's pixel coordinates. With `captionsOnly` it
/// writes just the numbered captions, over a rendering whose boxes the server drew into the pixels.
enum BoxOverlay {
    static func svg(_ labels: [Label], size: ImageSize?, numbered: Bool = false, captionsOnly: Bool = false) -> HTML {
        let boxes = labels.enumerated().filter { $0.element.shape != nil }
        guard let size, size.width > 0, size.height > 0, !boxes.isEmpty else { return "" }
        // Captions scale with the image, so they read the same in a thumbnail and on the sample page.
        let fontSize = Double(max(size.width, size.height)) / (numbered ? 28 : 20)
        let shapes: [HTML] = boxes.map { index, label in
            let b = label.shape?.boundingBox ?? (xmin: 0, ymin: 0, xmax: 0, ymax: 0)
            let caption = numbered ? "\(index + 1) \(label.name)" : label.name
            let kind = label.isConfirmed ? "box confirmed" : "box"
            return """
                <g class="\(kind)"><title>\(label.name)\(label.confidence.map { String(format: " %.2f", $0) } ?? "")</title>\
                \(captionsOnly ? "" : HTML("<rect x=\"\(b.xmin, digits: 1)\" y=\"\(b.ymin, digits: 1)\" width=\"\(max(0, b.xmax - b.xmin), digits: 1)\" height=\"\(max(0, b.ymax - b.ymin), digits: 1)\" vector-effect=\"non-scaling-stroke\"/>"))\
                <text x="\(b.xmin + fontSize / 6, digits: 1)" y="\(max(b.ymin - fontSize / 4, fontSize), digits: 1)" font-size="\(fontSize, digits: 1)" stroke-width="\(fontSize / 7, digits: 2)">\(caption)</text></g>
                """
        }
        return """
            <svg class="overlay" viewBox="0 0 \(size.width) \(size.height)" preserveAspectRatio="xMidYMid meet" aria-hidden="true">\(shapes)</svg>
            """
    }
}
