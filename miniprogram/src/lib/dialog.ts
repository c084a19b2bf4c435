/** What a confirming dialog says (lib/confirm), and its colours: one file for both platforms' `confirm`. */
export interface Confirm {
  title: string;
  content: string;
  confirmText: string;
  cancelText: string;
}

/** The action in a dark red (7:1 on white, as citizen text must be), the way back in body text colour (Taro's H5 green is 2.3:1). */
export const CONFIRM_COLOURS = { confirmColor: '#8b0000', cancelColor: '#1a1a1a' } as const;
