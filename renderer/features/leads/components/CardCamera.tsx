// The laptop's camera as a card scanner: a live preview and one button that takes the photo.
// Video only, no audio (the desktop's permission policy allows nothing else).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';

export const CardCamera = ({ onPhoto }: { onPhoto: (photo: Blob) => void }) => {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        if (stopped) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        if (video.current) video.current.srcObject = s;
      })
      .catch((e: unknown) => setError((e as Error).message));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  const take = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob((blob) => blob && onPhoto(blob), 'image/png');
  };

  if (error) return <Notice kind="error">{t('card.noCamera', { message: error })}</Notice>;
  return (
    <div className="card-camera">
      <video
        ref={video}
        className="card-image"
        autoPlay
        playsInline
        muted
        aria-label={t('card.preview')}
        onLoadedData={() => setReady(true)}
      />
      <Button variant="primary" onClick={take} disabled={!ready}>
        {t('card.takePhoto')}
      </Button>
    </div>
  );
};
