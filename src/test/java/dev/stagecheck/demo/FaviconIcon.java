package dev.stagecheck.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code /favicon.ico} as a real ICO file (one 16x16, 32-bit image: a blue rounded square with a
 * white dot), built in code so the demo ships no binary files and the browser's automatic
 * favicon request does not 404.
 */
final class FaviconIcon {

    static final String CONTENT_TYPE = "image/x-icon";

    private static final int SIZE = 16;
    private static final int HEADER_BYTES = 6 + 16;      // ICONDIR + one ICONDIRENTRY
    private static final int INFO_BYTES = 40;            // BITMAPINFOHEADER
    private static final int PIXEL_BYTES = SIZE * SIZE * 4;
    private static final int MASK_BYTES = SIZE * 4;      // 1 bit per pixel, rows padded to 32 bits

    private FaviconIcon() {
    }

    static byte[] bytes() {
        int imageBytes = INFO_BYTES + PIXEL_BYTES + MASK_BYTES;
        ByteBuffer ico = ByteBuffer.allocate(HEADER_BYTES + imageBytes).order(ByteOrder.LITTLE_ENDIAN);
        // ICONDIR: reserved, type 1 = icon, one image
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        // ICONDIRENTRY: width, height, no palette, reserved, planes, bits per pixel, size, offset
        ico.put((byte) SIZE).put((byte) SIZE).put((byte) 0).put((byte) 0)
                .putShort((short) 1).putShort((short) 32).putInt(imageBytes).putInt(HEADER_BYTES);
        // BITMAPINFOHEADER: the height counts the colour rows and the mask rows, hence twice SIZE
        ico.putInt(INFO_BYTES).putInt(SIZE).putInt(SIZE * 2).putShort((short) 1).putShort((short) 32)
                .putInt(0).putInt(PIXEL_BYTES + MASK_BYTES).putInt(0).putInt(0).putInt(0).putInt(0);
        // Pixels, bottom row first, as blue-green-red-alpha
        for (int y = SIZE - 1; y >= 0; y--) {
            for (int x = 0; x < SIZE; x++) {
                ico.putInt(pixel(x, y));
            }
        }
        // AND mask all zero: the alpha channel already says what is transparent
        ico.put(new byte[MASK_BYTES]);
        return ico.array();
    }

    /** ARGB, written little-endian, which is the BGRA byte order the format wants. */
    private static int pixel(int x, int y) {
        double cx = x - 7.5;
        double cy = y - 7.5;
        boolean corner = Math.abs(cx) > 5.5 && Math.abs(cy) > 5.5
                && Math.hypot(Math.abs(cx) - 5.5, Math.abs(cy) - 5.5) > 2.0;
        if (corner) {
            return 0x00000000;
        }
        boolean dot = Math.hypot(cx, cy) < 3.2;
        return dot ? 0xFFFFFFFF : 0xFF2563EB;
    }
}
