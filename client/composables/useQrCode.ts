import QRCode from 'qrcode';
import { ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';

export interface UseQrCodeOptions {
  /** What the code encodes, e.g. the join link. */
  text: MaybeRefOrGetter<string | null | undefined>;
}

export interface UseQrCodeReturn {
  /** An SVG data URL of the code, or null until it is made. */
  dataUrl: Ref<string | null>;
}

/** A QR code for a text that may change; a late result for an old text is dropped. */
export function useQrCode({ text }: UseQrCodeOptions): UseQrCodeReturn {
  const dataUrl = ref<string | null>(null);
  let seq = 0;

  watch(
    () => toValue(text),
    async (value) => {
      const mine = ++seq;
      if (!value) {
        dataUrl.value = null;
        return;
      }
      try {
        const svg = await QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        if (mine === seq) dataUrl.value = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      } catch {
        if (mine === seq) dataUrl.value = null;
      }
    },
    { immediate: true },
  );

  return { dataUrl };
}
