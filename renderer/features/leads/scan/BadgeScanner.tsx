// Continuous badge scanning with the camera: every few frames are decoded; a new badge is
// handed over with a beep and a visible confirmation, the next one needs no click. A badge
// already scanned in this session is recognised and reported, not handed over again.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadgeReading } from '../../../../shared/import/badge';
import { readBadge } from '../../../../shared/import/badge';
import { Notice } from '../../../ui/Notice';
import { decodeBadgeFrame } from './decoder';

// A frame every this many ms: fast enough at a booth, light on two cores.
const SCAN_INTERVAL_MS = 150;

const beep = (frequency: number) => {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.12);
    tone.onended = () => void audio.close();
  } catch {
    // No audio device: the visible confirmation remains.
  }
};

type Props = {
  /** Raw payloads already scanned in this session. */
  seen: ReadonlySet<string>;
  onBadge: (reading: BadgeReading) => void;
};

export const BadgeScanner = ({ seen, onBadge }: Props) => {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'success' | 'error'; text: string }>({
    kind: 'info',
    text: t('scan.starting'),
  });
  const latest = useRef({ seen, onBadge });
  // The scan loop reads the newest props without restarting the camera.
  useEffect(() => {
    latest.current = { seen, onBadge };
  }, [seen, onBadge]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let last = '';
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const scan = async () => {
      const v = video.current;
      if (stopped || v === null || context === null) return;
      if (v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        context.drawImage(v, 0, 0);
        const text = await decodeBadgeFrame(
          context.getImageData(0, 0, canvas.width, canvas.height),
        ).catch(() => {
          setMessage({ kind: 'error', text: t('scan.noDecoder') });
          return null;
        });
        // The same code held in front of the camera is one scan, not one per frame.
        if (text !== null && text !== last) {
          last = text;
          const reading = readBadge(text);
          if (latest.current.seen.has(reading.raw)) {
            beep(440);
            setMessage({ kind: 'error', text: t('scan.already') });
          } else {
            beep(1200);
            setMessage({
              kind: 'success',
              text: t('scan.read', { kind: t(`scan.kinds.${reading.kind}`) }),
            });
            latest.current.onBadge(reading);
          }
        } else if (text === null) last = '';
      }
      if (!stopped) timer = setTimeout(() => void scan(), SCAN_INTERVAL_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || video.current === null) return;
        video.current.srcObject = s;
        await video.current.play();
        setMessage({ kind: 'info', text: t('scan.ready') });
        void scan();
      })
      .catch(() => setMessage({ kind: 'error', text: t('scan.noCamera') }));
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);

  return (
    <div className="badge-scanner">
      <video ref={video} muted playsInline aria-label={t('scan.camera')} />
      <Notice kind={message.kind}>{message.text}</Notice>
    </div>
  );
};
