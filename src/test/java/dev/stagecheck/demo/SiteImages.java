package dev.stagecheck.demo;

/** The SVG images: the brand logo and one illustration per section, drawn inline so the demo needs no files. */
final class SiteImages {

    static final String LOGO = """
            <svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
              <title>Demo Staging</title>
              <rect width="32" height="32" rx="7" fill="#2563eb"/>
              <path d="M10 8h6a8 8 0 0 1 0 16h-6z" fill="#ffffff"/>
              <path d="M13 11h3a5 5 0 0 1 0 10h-3z" fill="#2563eb"/>
            </svg>
            """;

    static final String PRODUCTS = """
            <svg xmlns="http://www.w3.org/2000/svg" width="640" height="240" viewBox="0 0 640 240">
              <title>Three boxes on a shelf</title>
              <rect width="640" height="240" fill="#dbeafe"/>
              <circle cx="560" cy="60" r="30" fill="#fde68a"/>
              <rect x="80" y="190" width="480" height="12" rx="4" fill="#1e3a8a"/>
              <rect x="120" y="110" width="100" height="80" rx="6" fill="#3b82f6"/>
              <rect x="120" y="110" width="100" height="18" rx="6" fill="#1d4ed8"/>
              <rect x="260" y="80" width="120" height="110" rx="6" fill="#60a5fa"/>
              <rect x="260" y="80" width="120" height="20" rx="6" fill="#2563eb"/>
              <rect x="420" y="130" width="90" height="60" rx="6" fill="#93c5fd"/>
              <rect x="420" y="130" width="90" height="14" rx="6" fill="#3b82f6"/>
            </svg>
            """;

    static final String DOCS = """
            <svg xmlns="http://www.w3.org/2000/svg" width="640" height="240" viewBox="0 0 640 240">
              <title>Stacked pages of documentation</title>
              <rect width="640" height="240" fill="#dcfce7"/>
              <rect x="250" y="40" width="170" height="170" rx="8" fill="#bbf7d0" transform="rotate(-6 335 125)"/>
              <rect x="230" y="30" width="170" height="180" rx="8" fill="#ffffff" stroke="#16a34a" stroke-width="3"/>
              <rect x="255" y="60" width="120" height="10" rx="5" fill="#15803d"/>
              <rect x="255" y="90" width="110" height="8" rx="4" fill="#86efac"/>
              <rect x="255" y="110" width="120" height="8" rx="4" fill="#86efac"/>
              <rect x="255" y="130" width="95" height="8" rx="4" fill="#86efac"/>
              <rect x="255" y="150" width="115" height="8" rx="4" fill="#86efac"/>
              <rect x="255" y="170" width="80" height="8" rx="4" fill="#86efac"/>
            </svg>
            """;

    static final String COMPANY = """
            <svg xmlns="http://www.w3.org/2000/svg" width="640" height="240" viewBox="0 0 640 240">
              <title>Three office buildings</title>
              <rect width="640" height="240" fill="#ede9fe"/>
              <rect x="0" y="200" width="640" height="40" fill="#c4b5fd"/>
              <rect x="150" y="90" width="90" height="110" fill="#8b5cf6"/>
              <rect x="270" y="40" width="110" height="160" fill="#6d28d9"/>
              <rect x="410" y="110" width="80" height="90" fill="#a78bfa"/>
              <g fill="#ede9fe">
                <rect x="165" y="105" width="20" height="20"/><rect x="205" y="105" width="20" height="20"/>
                <rect x="165" y="145" width="20" height="20"/><rect x="205" y="145" width="20" height="20"/>
                <rect x="290" y="60" width="25" height="25"/><rect x="335" y="60" width="25" height="25"/>
                <rect x="290" y="105" width="25" height="25"/><rect x="335" y="105" width="25" height="25"/>
                <rect x="290" y="150" width="25" height="25"/><rect x="335" y="150" width="25" height="25"/>
                <rect x="425" y="125" width="18" height="18"/><rect x="457" y="125" width="18" height="18"/>
                <rect x="425" y="160" width="18" height="18"/><rect x="457" y="160" width="18" height="18"/>
              </g>
            </svg>
            """;

    private SiteImages() {
    }
}
